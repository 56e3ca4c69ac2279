package io.github.emotion4j.vision.face;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FaceBoxTest {

    @Test
    void iouOfOverlappingBoxes() {
        FaceBox a = new FaceBox(0, 0, 10, 10);
        FaceBox b = new FaceBox(5, 0, 10, 10); // overlap 5x10 = 50, union 150
        assertEquals(50, a.intersectionArea(b), 1e-12);
        assertEquals(1.0 / 3, a.iou(b), 1e-12);
        assertEquals(a.iou(b), b.iou(a), 1e-12);
        assertEquals(1, a.iou(a), 1e-12);
    }

    @Test
    void disjointAndTouchingBoxesDoNotOverlap() {
        FaceBox a = new FaceBox(0, 0, 10, 10);
        assertEquals(0, a.iou(new FaceBox(10, 0, 10, 10)));
        assertEquals(0, a.iou(new FaceBox(50, 50, 5, 5)));
    }

    @Test
    void aContainedBoxHasTheAreaRatioAsIou() {
        assertEquals(0.25, new FaceBox(0, 0, 20, 20).iou(new FaceBox(5, 5, 10, 10)), 1e-12);
    }

    @Test
    void edgesCentreAndArea() {
        FaceBox box = new FaceBox(2.5, 4, 10, 6);
        assertEquals(12.5, box.right());
        assertEquals(10, box.bottom());
        assertEquals(7.5, box.centerX());
        assertEquals(7, box.centerY());
        assertEquals(60, box.area());
    }

    @Test
    void dlibRectanglesAreInclusive() {
        FaceBox box = FaceBox.ofDlibRectangle(161, 113, 376, 328);
        assertEquals(new FaceBox(161, 113, 216, 216), box);
        assertArrayEquals(new long[] {161, 113, 376, 328}, box.toDlibRectangle());
        assertArrayEquals(new long[] {10, 20, 19, 29}, new FaceBox(9.6, 20.4, 10, 9.2).toDlibRectangle());
    }

    @Test
    void badBoxesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FaceBox(0, 0, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new FaceBox(0, 0, 5, -1));
        assertThrows(IllegalArgumentException.class, () -> new FaceBox(Double.NaN, 0, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> new FaceBox(0, 0, Double.POSITIVE_INFINITY, 5));
        assertThrows(IllegalArgumentException.class, () -> FaceBox.ofDlibRectangle(10, 10, 9, 20));
    }
}
