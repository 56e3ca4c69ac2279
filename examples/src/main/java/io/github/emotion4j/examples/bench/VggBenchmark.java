package io.github.emotion4j.examples.bench;

import io.github.emotion4j.examples.Dl4jCpu;
import io.github.emotion4j.vision.vgg.SolverSettings;
import io.github.emotion4j.vision.vgg.Vgg16;
import io.github.emotion4j.vision.vgg.Vgg16Spec;
import java.util.Arrays;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Speed of the paper's full VGG-16 (224x224x3, 7 outputs) on this machine: forward time per face at batch 1 and
 * batch 8, ND4J's single-precision matrix multiply in GFLOP/s on large square matrices, and the fraction of that
 * rate one VGG-16 forward pass reaches. A plain program, not a test: {@code java ... VggBenchmark [repetitions]}
 * (see BENCHMARKS-vgg.md). Prints Markdown.
 */
public final class VggBenchmark {

    private VggBenchmark() {
    }

    /** Floating-point operations (multiply and add counted apart) of one forward pass: convolutions and dense layers. */
    static double forwardFlops(Vgg16Spec spec) {
        double flops = 0;
        int size = spec.inputSize();
        int in = spec.channels();
        int[] depths = {2, 2, 3, 3, 3};
        for (int block = 0; block < 5; block++) {
            int out = spec.blockChannels(block);
            for (int i = 0; i < depths[block]; i++) {
                flops += 2.0 * size * size * 9 * in * out;
                in = out;
            }
            size /= 2;
        }
        flops += 2.0 * size * size * in * spec.fc6Size();
        flops += 2.0 * spec.fc6Size() * spec.fc7Size();
        flops += 2.0 * spec.fc7Size() * spec.classes();
        return flops;
    }

    private static double medianSeconds(Runnable task, int repetitions) {
        double[] times = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            task.run();
            times[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(times);
        return times[repetitions / 2];
    }

    public static void main(String[] args) {
        boolean helpers = Dl4jCpu.configure();
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String info = Nd4j.getExecutioner().getEnvironmentInformation().toString();
        boolean oneDnn = Dl4jCpu.oneDnnLoaded();

        int n = 4096;
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        a.mmul(b);
        double gemmSeconds = medianSeconds(() -> a.mmul(b).close(), repetitions);
        double gemmRate = 2.0 * n * n * (double) n / gemmSeconds / 1e9;

        Vgg16Spec spec = Vgg16Spec.PAPER;
        ComputationGraph network = Vgg16.create(spec, SolverSettings.defaults());
        double flops = forwardFlops(spec);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "ND4J: %s; oneDNN in binary: %s; DL4J helpers enabled: %s; OMP_NUM_THREADS=%s%n%n",
                info.replaceAll("\\s+", " "), oneDnn, helpers, System.getenv("OMP_NUM_THREADS")));
        md.append(String.format(Locale.ROOT, "VGG-16 %s: %,d parameters, %.2f GFLOP per forward pass%n%n", spec,
                network.numParams(), flops / 1e9));
        md.append(String.format(Locale.ROOT, "| measurement | median of %d | rate |%n|---|---:|---:|%n", repetitions));
        md.append(String.format(Locale.ROOT, "| sgemm %dx%d · %dx%d | %.3f s | %.1f GFLOP/s |%n", n, n, n, n, gemmSeconds, gemmRate));
        for (int batch : new int[] {1, 8}) {
            INDArray input = Nd4j.rand(DataType.FLOAT, batch, 3, 224, 224).subi(0.5).muli(100);
            network.outputSingle(false, input).close();
            double seconds = medianSeconds(() -> network.outputSingle(false, input).close(), repetitions);
            double perFace = seconds / batch;
            double rate = flops / perFace / 1e9;
            md.append(String.format(Locale.ROOT, "| VGG-16 forward, batch %d | %.3f s per face | %.1f GFLOP/s = %.0f %% of sgemm |%n",
                    batch, perFace, rate, 100 * rate / gemmRate));
        }
        System.out.print(md);
        network.close();
    }
}
