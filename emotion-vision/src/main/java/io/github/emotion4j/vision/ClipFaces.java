package io.github.emotion4j.vision;

import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.vision.face.FaceTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every face found in a clip's sampled frames, linked into tracks: the per-frame view (the "timeline") and
 * what the clip's scores are made of. Immutable.
 *
 * @param frames one entry per sampled frame, in time order
 * @param tracks the face tracks, dominant (most frames, then largest) first
 */
public record ClipFaces(List<SampledFrame> frames, List<FaceTrack> tracks) {

    public ClipFaces {
        frames = List.copyOf(frames);
        tracks = List.copyOf(tracks);
    }

    /**
     * One sampled frame and the faces in it.
     *
     * @param timeMicros the grid instant, microseconds from the start of the video
     * @param faces the faces, in detection order (largest first)
     * @param trackIds for each face, the {@link FaceTrack#id()} of its track
     */
    public record SampledFrame(long timeMicros, List<FaceObservation> faces, List<Integer> trackIds) {

        public SampledFrame {
            faces = List.copyOf(faces);
            trackIds = List.copyOf(trackIds);
        }

        /** The face of track {@code trackId} in this frame, if there is one. */
        public Optional<FaceObservation> face(int trackId) {
            int index = trackIds.indexOf(trackId);
            return index < 0 ? Optional.empty() : Optional.of(faces.get(index));
        }
    }

    /** The dominant track, when any face was found. */
    public Optional<FaceTrack> dominantTrack() {
        return tracks.isEmpty() ? Optional.empty() : Optional.of(tracks.get(0));
    }

    /** How many faces were found over all frames. */
    public int faceCount() {
        return frames.stream().mapToInt(f -> f.faces().size()).sum();
    }

    /** The scores of one track's faces, in time order. */
    public List<EmotionScores> scoresOf(int trackId) {
        List<EmotionScores> scores = new ArrayList<>();
        for (SampledFrame frame : frames) {
            frame.face(trackId).ifPresent(face -> scores.add(face.scores()));
        }
        return scores;
    }

    /** The scores of every face in the clip, in time order. */
    public List<EmotionScores> allScores() {
        List<EmotionScores> scores = new ArrayList<>();
        frames.forEach(f -> f.faces().forEach(face -> scores.add(face.scores())));
        return scores;
    }
}
