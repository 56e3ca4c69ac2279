package io.github.emotion4j.vision.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarityTransformTest {

    private static final List<ImagePoint> SQUARE = List.of(new ImagePoint(0, 0), new ImagePoint(10, 0),
            new ImagePoint(10, 10), new ImagePoint(0, 10));

    @Test
    void fitRecoversAnExactTransform() {
        SimilarityTransform truth = SimilarityTransform.rotationScale(Math.toRadians(30), 2.5).thenTranslate(7, -3);
        List<ImagePoint> moved = SQUARE.stream().map(truth::apply).toList();

        SimilarityTransform fitted = SimilarityTransform.fit(SQUARE, moved);

        assertEquals(2.5, fitted.scale(), 1e-12);
        assertEquals(Math.toRadians(30), fitted.rotation(), 1e-12);
        assertEquals(7, fitted.tx(), 1e-12);
        assertEquals(-3, fitted.ty(), 1e-12);
    }

    @Test
    void rotationByNinetyDegreesTurnsXIntoY() {
        ImagePoint p = SimilarityTransform.rotationScale(Math.PI / 2, 1).apply(new ImagePoint(1, 0));
        assertEquals(0, p.x(), 1e-15);
        assertEquals(1, p.y(), 1e-15);
    }

    @Test
    void fitMinimisesSquaredErrorForInconsistentPoints() {
        // Targets: a unit square stretched 2x horizontally. The best similarity keeps the centre and, by symmetry,
        // no rotation; its scale (a) minimises sum (a*x - 2x)^2 + (a*y - y)^2 over the centred corners: a = 1.5.
        List<ImagePoint> from = List.of(new ImagePoint(-1, -1), new ImagePoint(1, -1), new ImagePoint(1, 1),
                new ImagePoint(-1, 1));
        List<ImagePoint> to = from.stream().map(p -> new ImagePoint(2 * p.x(), p.y())).toList();
        SimilarityTransform fitted = SimilarityTransform.fit(from, to);
        assertEquals(1.5, fitted.a(), 1e-12);
        assertEquals(0, fitted.b(), 1e-12);
        assertEquals(0, fitted.tx(), 1e-12);
        assertEquals(0, fitted.ty(), 1e-12);
    }

    @Test
    void inverseUndoesTheTransform() {
        SimilarityTransform t = new SimilarityTransform(0.3, -1.1, 5, 9);
        ImagePoint p = new ImagePoint(-4.5, 12.25);
        ImagePoint back = t.inverse().apply(t.apply(p));
        assertEquals(p.x(), back.x(), 1e-12);
        assertEquals(p.y(), back.y(), 1e-12);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SimilarityTransform.fit(SQUARE, SQUARE.subList(0, 3)));
        assertThrows(IllegalArgumentException.class, () -> SimilarityTransform.fit(SQUARE.subList(0, 1),
                SQUARE.subList(0, 1)));
        List<ImagePoint> same = List.of(new ImagePoint(1, 1), new ImagePoint(1, 1));
        assertThrows(IllegalArgumentException.class, () -> SimilarityTransform.fit(same, SQUARE.subList(0, 2)));
        assertThrows(IllegalArgumentException.class, () -> new SimilarityTransform(0, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SimilarityTransform(Double.NaN, 0, 1, 1));
    }
}
