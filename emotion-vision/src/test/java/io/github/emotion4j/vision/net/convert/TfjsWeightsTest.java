package io.github.emotion4j.vision.net.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.emotion4j.vision.net.WeightFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfjsWeightsTest {

    @TempDir
    Path dir;

    @Test
    void decodesFloatQuantisedAndHalfTensorsInManifestOrder() throws IOException {
        ByteBuffer bin = ByteBuffer.allocate(4 * 2 + 3 + 2 * 2 + 2).order(ByteOrder.LITTLE_ENDIAN);
        bin.putFloat(1.5f).putFloat(-2f);                 // f: float32 [2]
        bin.put((byte) 0).put((byte) 10).put((byte) 255); // q: uint8 [3], min -1, scale 0.01
        bin.putShort((short) 0x3c00).putShort((short) 0xc000); // h: float16 [2] = 1, -2
        bin.putShort((short) 40000);                      // u: uint16 [1], min 0, scale 0.5
        Files.write(dir.resolve("w.bin"), bin.array());
        String manifest = """
                [{"paths": ["w.bin"], "weights": [
                  {"name": "f", "shape": [2], "dtype": "float32"},
                  {"name": "q", "shape": [3], "dtype": "float32", "quantization": {"dtype": "uint8", "scale": 0.01, "min": -1}},
                  {"name": "h", "shape": [2], "dtype": "float32", "quantization": {"dtype": "float16"}},
                  {"name": "u", "shape": [1, 1], "dtype": "float32", "quantization": {"dtype": "uint16", "scale": 0.5, "min": 0}}
                ]}]""";
        TfjsWeights w = TfjsWeights.read(new ObjectMapper().readTree(manifest), dir);
        assertArrayEquals(new float[] {1.5f, -2f}, w.tensors().get("f").values());
        assertArrayEquals(new float[] {(float) (0 * 0.01 - 1), (float) (10 * 0.01 - 1), (float) (255 * 0.01 - 1)},
                w.tensors().get("q").values());
        assertArrayEquals(new float[] {1f, -2f}, w.tensors().get("h").values());
        assertArrayEquals(new float[] {20000f}, w.tensors().get("u").values());
        assertArrayEquals(new int[] {1, 1}, w.tensors().get("u").shape());
    }

    @Test
    void refusesShardsThatDoNotMatchTheManifest() throws IOException {
        Files.write(dir.resolve("w.bin"), new byte[10]);
        String tooShort = "[{\"paths\": [\"w.bin\"], \"weights\": [{\"name\": \"f\", \"shape\": [3], \"dtype\": \"float32\"}]}]";
        assertThrows(IOException.class, () -> TfjsWeights.read(new ObjectMapper().readTree(tooShort), dir));
        String leftOver = "[{\"paths\": [\"w.bin\"], \"weights\": [{\"name\": \"f\", \"shape\": [2], \"dtype\": \"float32\"}]}]";
        assertThrows(IOException.class, () -> TfjsWeights.read(new ObjectMapper().readTree(leftOver), dir));
    }

    @Test
    void halfPrecisionDecodesSubnormalsAndSpecials() {
        assertEquals(0x1p-24f, TfjsWeights.halfToFloat((short) 0x0001));
        assertEquals(65504f, TfjsWeights.halfToFloat((short) 0x7bff));
        assertEquals(Float.NEGATIVE_INFINITY, TfjsWeights.halfToFloat((short) 0xfc00));
        assertEquals(Float.NaN, TfjsWeights.halfToFloat((short) 0x7e00));
    }

    @Test
    void filtersAreReorderedFromHwioToOihw() {
        // [kh=1, kw=2, in=2, out=3], each value encoding its position (x, i, o) as x*100 + i*10 + o
        float[] hwio = new float[12];
        for (int x = 0; x < 2; x++) {
            for (int i = 0; i < 2; i++) {
                for (int o = 0; o < 3; o++) {
                    hwio[(x * 2 + i) * 3 + o] = x * 100 + i * 10 + o;
                }
            }
        }
        WeightFile.Tensor oihw = TfjsConverter.hwioToOihw(new TfjsWeights.Tensor("w", new int[] {1, 2, 2, 3}, hwio));
        assertArrayEquals(new int[] {3, 2, 1, 2}, oihw.shape());
        float[] v = oihw.values();
        for (int o = 0; o < 3; o++) {
            for (int i = 0; i < 2; i++) {
                for (int x = 0; x < 2; x++) {
                    assertEquals(x * 100 + i * 10 + o, v[(o * 2 + i) * 2 + x]);
                }
            }
        }
    }
}
