package io.github.emotion4j.vision.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaceTrackerTest {

    private static FaceBox square(double x, double y, double size) {
        return new FaceBox(x, y, size, size);
    }

    @Test
    void aSteadyFaceMakesOneTrack() {
        FaceTracker tracker = FaceTracker.create();
        for (int f = 0; f < 10; f++) {
            assertEquals(List.of(0), tracker.add(List.of(square(100 + f, 50, 80))));
        }
        List<FaceTrack> tracks = tracker.tracks();
        assertEquals(1, tracks.size());
        assertEquals(10, tracks.get(0).length());
        assertEquals(0, tracks.get(0).firstFrame());
        assertEquals(9, tracks.get(0).lastFrame());
        assertEquals(10, tracker.frameCount());
    }

    @Test
    void twoFacesCrossingPathsKeepTheirTracks() {
        // A (40 px) walks right, B (50 px, in front) walks left; they meet in frame 10 where the boxes overlap most.
        FaceTracker tracker = FaceTracker.create();
        for (int f = 0; f <= 20; f++) {
            FaceBox a = square(10 + 10 * f, 100, 40);
            FaceBox b = square(210 - 10 * f, 100, 50);
            // Give them in an order that changes, so that order cannot carry identity.
            tracker.add(f % 3 == 0 ? List.of(a, b) : List.of(b, a));
        }

        List<FaceTrack> tracks = tracker.tracks();
        assertEquals(2, tracks.size(), "tracks: " + tracks);
        for (FaceTrack track : tracks) {
            assertEquals(21, track.length());
            double size = track.boxes().firstEntry().getValue().width();
            double direction = Math.signum(track.boxes().lastEntry().getValue().x()
                    - track.boxes().firstEntry().getValue().x());
            FaceBox previous = null;
            for (FaceBox box : track.boxes().values()) {
                assertEquals(size, box.width(), "a track swapped faces: " + track.boxes());
                if (previous != null) {
                    assertEquals(direction, Math.signum(box.x() - previous.x()), "a track turned back");
                }
                previous = box;
            }
        }
    }

    @Test
    void aFaceHiddenWhereTwoPathsCrossKeepsItsTrack() {
        // A (60 px) walks right, B (70 px, nearer the camera) walks left, 20 px a frame. In frame 10 B hides A
        // exactly where A would be; one frame later A's last box overlaps B's new box far more than A's own.
        FaceTracker tracker = FaceTracker.create();
        for (int f = 0; f <= 20; f++) {
            FaceBox a = new FaceBox(10 + 20 * f, 100, 60, 60);
            FaceBox b = new FaceBox(410 - 20 * f, 110, 70, 70);
            tracker.add(f == 10 ? List.of(b) : List.of(a, b));
        }

        List<FaceTrack> tracks = tracker.tracks();
        assertEquals(2, tracks.size(), "tracks: " + tracks);
        assertEquals(21, tracks.get(0).length());
        assertEquals(20, tracks.get(1).length());
        for (FaceTrack track : tracks) {
            double size = track.boxes().firstEntry().getValue().width();
            assertTrue(track.boxes().values().stream().allMatch(box -> box.width() == size),
                    "a track swapped faces: " + track.boxes());
        }
    }

    @Test
    void aFaceMissingForAFewFramesKeepsItsTrack() {
        FaceTracker tracker = FaceTracker.builder().maxGap(4).build();
        for (int f = 0; f < 12; f++) {
            boolean missed = f >= 5 && f <= 7; // three frames without a detection
            tracker.add(missed ? List.of() : List.of(square(200 + 2 * f, 120, 90)));
        }
        List<FaceTrack> tracks = tracker.tracks();
        assertEquals(1, tracks.size(), "tracks: " + tracks);
        FaceTrack track = tracks.get(0);
        assertEquals(9, track.length());
        assertEquals(Optional.empty(), track.box(6));
        assertEquals(track.box(4).orElseThrow(), track.nearestBox(5));
        assertEquals(track.box(4).orElseThrow(), track.nearestBox(6), "ties go to the earlier frame");
        assertEquals(track.box(8).orElseThrow(), track.nearestBox(7));
    }

    @Test
    void aGapLongerThanMaxGapStartsANewTrack() {
        FaceTracker tracker = FaceTracker.builder().maxGap(2).build();
        for (int f = 0; f < 12; f++) {
            boolean missed = f >= 5 && f <= 7;
            tracker.add(missed ? List.of() : List.of(square(200, 120, 90)));
        }
        List<FaceTrack> tracks = tracker.tracks();
        assertEquals(2, tracks.size());
        assertEquals(5, tracks.get(0).length());
        assertEquals(0, tracks.get(0).firstFrame());
        assertEquals(4, tracks.get(1).length());
        assertEquals(8, tracks.get(1).firstFrame());
    }

    @Test
    void theDominantTrackHasTheMostFrames() {
        FaceTracker tracker = FaceTracker.create();
        for (int f = 0; f < 10; f++) {
            List<FaceBox> boxes = new ArrayList<>();
            boxes.add(square(50, 50, 60)); // the main person, smaller
            if (f >= 3 && f < 7) {
                boxes.add(square(300, 60, 150)); // a large passer-by, 4 frames
            }
            if (f == 8) {
                boxes.add(square(500, 400, 30)); // a false detection
            }
            tracker.addAll(List.of(boxes));
        }
        FaceTrack dominant = tracker.dominantTrack().orElseThrow();
        assertEquals(10, dominant.length());
        assertEquals(60, dominant.meanArea() / 60);
        assertEquals(3, tracker.tracks().size());
        assertEquals(List.of(10, 4, 1), tracker.tracks().stream().map(FaceTrack::length).toList());
    }

    @Test
    void equalLengthsAreDecidedByMeanArea() {
        FaceTracker tracker = FaceTracker.create();
        for (int f = 0; f < 5; f++) {
            tracker.add(List.of(square(10, 10, 40), square(200, 10, 90)));
        }
        assertEquals(90 * 90, tracker.dominantTrack().orElseThrow().meanArea(), 1e-9);
    }

    @Test
    void addReturnsTheTrackOfEachBox() {
        FaceTracker tracker = FaceTracker.create();
        assertEquals(List.of(0, 1), tracker.add(List.of(square(0, 0, 50), square(200, 0, 50))));
        assertEquals(List.of(1, 0), tracker.add(List.of(square(202, 0, 50), square(2, 0, 50))));
        assertEquals(List.of(2), tracker.add(List.of(square(100, 300, 50))));
    }

    @Test
    void noFacesGiveNoTrack() {
        FaceTracker tracker = FaceTracker.create().addAll(List.of(List.of(), List.of()));
        assertEquals(Optional.empty(), tracker.dominantTrack());
        assertEquals(List.of(), tracker.tracks());
        assertEquals(2, tracker.frameCount());
    }

    @Test
    void aHigherIouThresholdSplitsAFastFace() {
        // The face jumps 30 px per frame: IoU 0.4 between neighbours without motion, but prediction follows it.
        List<List<FaceBox>> frames = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            frames.add(List.of(square(30 * f, 0, 70)));
        }
        assertEquals(1, FaceTracker.builder().minIou(0.3).build().addAll(frames).tracks().size());
        // The first link cannot use motion yet: with a threshold above 0.4 the second frame starts a new track.
        assertTrue(FaceTracker.builder().minIou(0.5).build().addAll(frames).tracks().size() > 1);
    }

    @Test
    void settingsAreValidated() {
        FaceTracker.Builder builder = FaceTracker.builder();
        assertThrows(IllegalArgumentException.class, () -> builder.minIou(0));
        assertThrows(IllegalArgumentException.class, () -> builder.minIou(1.5));
        assertThrows(IllegalArgumentException.class, () -> builder.minIou(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> builder.maxGap(-1));
        FaceTracker tracker = builder.minIou(0.6).maxGap(0).build();
        assertEquals(0.6, tracker.minIou());
        assertEquals(0, tracker.maxGap());
    }
}
