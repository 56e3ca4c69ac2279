package io.github.emotion4j.vision.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaceLandmarksTest {

    /** Point i at (i, 100 + i). */
    private static double[] ramp() {
        double[] xy = new double[136];
        for (int i = 0; i < 68; i++) {
            xy[2 * i] = i;
            xy[2 * i + 1] = 100 + i;
        }
        return xy;
    }

    @Test
    void eyeCornersAreThePointsOfTheIbugScheme() {
        FaceLandmarks landmarks = FaceLandmarks.of(ramp());
        assertEquals(new ImagePoint(36, 136), landmarks.rightEyeOuterCorner());
        assertEquals(new ImagePoint(39, 139), landmarks.rightEyeInnerCorner());
        assertEquals(new ImagePoint(42, 142), landmarks.leftEyeInnerCorner());
        assertEquals(new ImagePoint(45, 145), landmarks.leftEyeOuterCorner());
        assertEquals(List.of(landmarks.point(36), landmarks.point(39), landmarks.point(42), landmarks.point(45)),
                landmarks.eyeCorners());
    }

    @Test
    void theInputArrayIsCopied() {
        double[] xy = ramp();
        FaceLandmarks landmarks = FaceLandmarks.of(xy);
        xy[0] = 999;
        assertEquals(0, landmarks.x(0));
        landmarks.toArray()[0] = 999;
        assertEquals(0, landmarks.x(0));
    }

    @Test
    void roundingGoesHalfUpAsInDlib() {
        double[] xy = ramp();
        xy[0] = 2.5;
        xy[1] = -2.5;
        xy[2] = 2.4999;
        FaceLandmarks rounded = FaceLandmarks.of(xy).rounded();
        assertEquals(3, rounded.x(0));
        assertEquals(-2, rounded.y(0));
        assertEquals(2, rounded.x(1));
    }

    @Test
    void pointsAndBounds() {
        FaceLandmarks landmarks = FaceLandmarks.of(ramp());
        assertEquals(68, landmarks.points().size());
        assertEquals(FaceLandmarks.of(landmarks.points()), landmarks);
        assertEquals(new FaceBox(0, 100, 67, 67), landmarks.bounds());
        double[] moved = ramp();
        moved[135] += 0.5;
        assertNotEquals(landmarks, FaceLandmarks.of(moved));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> FaceLandmarks.of(new double[134]));
        double[] xy = ramp();
        xy[7] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> FaceLandmarks.of(xy));
        assertThrows(IndexOutOfBoundsException.class, () -> FaceLandmarks.of(ramp()).point(68));
        assertThrows(IllegalArgumentException.class, () -> FaceLandmarks.of(List.of(new ImagePoint(0, 0))));
    }
}
