package io.github.emotion4j.vision.face;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The boxes of one person's face across a sequence of frames, as linked by a {@link FaceTracker}: at most one box
 * per frame, frames numbered from 0 in the order they were given to the tracker. A track may skip frames where the
 * face was not detected.
 *
 * <p>An immutable value, thread-safe.
 */
public final class FaceTrack {

    private final int id;
    private final NavigableMap<Integer, FaceBox> boxes;
    private final double meanArea;

    FaceTrack(int id, NavigableMap<Integer, FaceBox> boxes) {
        if (boxes.isEmpty()) {
            throw new IllegalArgumentException("a track needs at least one box");
        }
        this.id = id;
        this.boxes = Collections.unmodifiableNavigableMap(new TreeMap<>(boxes));
        this.meanArea = boxes.values().stream().mapToDouble(FaceBox::area).average().orElseThrow();
    }

    /** The tracker's number for this track: tracks are numbered 0, 1, ... in the order they started. */
    public int id() {
        return id;
    }

    /** The number of frames with a box. */
    public int length() {
        return boxes.size();
    }

    /** The first frame with a box. */
    public int firstFrame() {
        return boxes.firstKey();
    }

    /** The last frame with a box. */
    public int lastFrame() {
        return boxes.lastKey();
    }

    /** The mean area of the boxes, in square pixels. */
    public double meanArea() {
        return meanArea;
    }

    /** The box in {@code frame}, if the face was detected there. */
    public Optional<FaceBox> box(int frame) {
        return Optional.ofNullable(boxes.get(frame));
    }

    /**
     * The box in {@code frame}, or else the box of the nearest frame that has one (the earlier one on a tie); for
     * filling the frames where a tracked face was missed.
     */
    public FaceBox nearestBox(int frame) {
        FaceBox exact = boxes.get(frame);
        if (exact != null) {
            return exact;
        }
        Map.Entry<Integer, FaceBox> before = boxes.lowerEntry(frame);
        Map.Entry<Integer, FaceBox> after = boxes.higherEntry(frame);
        if (before == null) {
            return after.getValue();
        }
        if (after == null) {
            return before.getValue();
        }
        return frame - before.getKey() <= after.getKey() - frame ? before.getValue() : after.getValue();
    }

    /** Frame number to box, in frame order; unmodifiable. */
    public NavigableMap<Integer, FaceBox> boxes() {
        return boxes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceTrack other && id == other.id && boxes.equals(other.boxes);
    }

    @Override
    public int hashCode() {
        return 31 * id + boxes.hashCode();
    }

    @Override
    public String toString() {
        return "FaceTrack[id=" + id + ", " + length() + " boxes in frames " + firstFrame() + ".." + lastFrame()
                + ", mean area " + Math.round(meanArea) + "]";
    }
}
