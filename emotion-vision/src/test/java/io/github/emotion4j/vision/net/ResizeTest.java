package io.github.emotion4j.vision.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.emotion4j.vision.image.Image;
import org.junit.jupiter.api.Test;

class ResizeTest {

    @Test
    void bilinearSamplesAtXTimesTheScaleWithoutHalfPixelCentres() {
        Image src = Image.gray(2, 1, new byte[] {10, 50});
        // TF resize_bilinear(align_corners=false): x_src = x * 2/4 = 0, 0.5, 1, 1.5 (clamped to the last pixel)
        Image out = Resize.bilinear(src, 4, 1);
        assertArrayEquals(new byte[] {10, 30, 50, 50}, out.copyPixels());
    }

    @Test
    void bilinearShrinkingPicksTheScaledPositions() {
        Planes src = new Planes(1, 7, 1, new float[] {0, 1, 2, 3, 4, 5, 6});
        // 7 -> 4: x_src = x * 1.75 = 0, 1.75, 3.5, 5.25
        assertArrayEquals(new float[] {0f, 1.75f, 3.5f, 5.25f}, src.resizeBilinear(4, 1).data, 1e-6f);
    }

    @Test
    void bicubicKeepsConstantsAndReproducesLinearRampsInside() {
        Image flat = Image.gray(3, 3, new byte[] {77, 77, 77, 77, 77, 77, 77, 77, 77});
        for (byte b : Resize.bicubic(flat, 7, 5).copyPixels()) {
            assertEquals(77, b & 0xff);
        }
        float[] ramp = new float[8];
        for (int i = 0; i < 8; i++) {
            ramp[i] = 10 * i;
        }
        // 8 -> 16: x_src = (x + 0.5) / 2 - 0.5; away from the clamped borders the cubic is exact on a line
        float[] up = new Planes(1, 8, 1, ramp).resizeBicubic(16, 1).data;
        for (int x = 3; x < 13; x++) {
            assertEquals(10 * ((x + 0.5) / 2 - 0.5), up[x], 1e-4, "x=" + x);
        }
    }

    @Test
    void bicubicUsesTheKeysKernelWithAMinusHalf() {
        // one bright pixel, enlarged 4x: output x=6 samples x_src = 6.5/4 - 0.5 = 1.125, t = 0.125 past pixel 1
        float[] impulse = {0, 0, 100, 0, 0};
        float[] out = new Planes(1, 5, 1, impulse).resizeBicubic(20, 1).data;
        double t = 0.125;
        // the bright pixel (index 2) is the tap at distance 1 - t = 0.875: (a+2)|x|^3 - (a+3)|x|^2 + 1 with a = -0.5
        double d = 1 - t;
        double w = 1.5 * d * d * d - 2.5 * d * d + 1;
        assertEquals(100 * w, out[6], 1e-4);
    }

    @Test
    void sameSizeIsTheIdentityAndBadSizesAreRefused() {
        Planes p = new Planes(1, 2, 2, new float[] {1, 2, 3, 4});
        assertSame(p, p.resizeBilinear(2, 2));
        assertSame(p, p.resizeBicubic(2, 2));
        Image img = Image.gray(2, 2, new byte[4]);
        assertThrows(IllegalArgumentException.class, () -> Resize.bilinear(img, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> Resize.bicubic(img, 3, -1));
    }

    @Test
    void rgbChannelsAreResampledIndependently() {
        Image src = Image.rgb(2, 1, new byte[] {0, 100, (byte) 200, 100, 100, 0});
        Image out = Resize.bilinear(src, 4, 1);
        assertArrayEquals(new byte[] {0, 100, (byte) 200, 50, 100, 100, 100, 100, 0, 100, 100, 0}, out.copyPixels());
    }
}
