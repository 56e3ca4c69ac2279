package io.github.emotion4j.vision.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageTest {

    @Test
    void bufferedImageRoundTripKeepsChannels() {
        Image red = Image.rgb(2, 1, new byte[] {(byte) 255, 0, 0, 0, 0, (byte) 200});

        BufferedImage buffered = red.toBufferedImage();

        assertEquals(0xffff0000, buffered.getRGB(0, 0));
        assertEquals(0xff0000c8, buffered.getRGB(1, 0));
        assertArrayEquals(red.copyPixels(), Image.fromBufferedImage(buffered).copyPixels());
    }

    @Test
    void bgrAndGray() {
        Image fromBgr = Image.fromBgr(1, 1, new byte[] {10, 20, 30});
        assertEquals(30, fromBgr.get(0, 0, 0));
        assertEquals(10, fromBgr.get(0, 0, 2));
        assertEquals(Math.round(0.299 * 30 + 0.587 * 20 + 0.114 * 10), fromBgr.toGray().get(0, 0, 0));
        assertEquals(3, fromBgr.toGray().toRgb().channels());
        assertThrows(IllegalArgumentException.class, () -> Image.rgb(2, 2, new byte[3]));
    }
}
