/**
 * Faces in frames, the paper's preprocessing (Guo et al. 2017, section 2.1): find faces, find 68 landmarks, align
 * on the eye corners, follow one person through a clip and cut the clip into 16-frame windows.
 *
 * <pre>{@code
 * try (FaceDetector detector = HaarFaceDetector.create();
 *      LandmarkDetector landmarks = DlibShapePredictor.loadDefault()) {
 *     FaceAligner aligner = FaceAligner.ofSize(224);
 *     List<FaceBox> faces = detector.detect(frame);                 // largest first
 *     FaceLandmarks points = landmarks.detect(frame, faces.get(0));
 *     Image face = aligner.align(frame, points);                    // 224x224, eyes on the template
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.github.emotion4j.vision.face.FaceDetector} finds faces;
 *       {@link io.github.emotion4j.vision.face.HaarFaceDetector} uses OpenCV's cascades.</li>
 *   <li>{@link io.github.emotion4j.vision.face.LandmarkDetector} finds the 68 iBUG points of one face;
 *       {@link io.github.emotion4j.vision.face.DlibShapePredictor} runs dlib's regression-tree model in Java.</li>
 *   <li>{@link io.github.emotion4j.vision.face.FaceAligner} maps the eye corners (36, 39, 42, 45) onto a template
 *       with a least-squares {@link io.github.emotion4j.vision.face.SimilarityTransform}.</li>
 *   <li>{@link io.github.emotion4j.vision.face.FaceTracker} links boxes across frames into
 *       {@link io.github.emotion4j.vision.face.FaceTrack}s; {@link io.github.emotion4j.vision.face.FrameWindows}
 *       cuts per-frame lists into windows of 16.</li>
 * </ul>
 *
 * <p>Coordinates are pixels of the image at hand, {@code x} right and {@code y} down, with pixel {@code (c, r)}
 * centred on {@code (c, r)}. Images are only read; results are new, immutable values.
 */
package io.github.emotion4j.vision.face;
