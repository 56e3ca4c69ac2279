package io.github.emotion4j.audio.model;

import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this package needs from LIBSVM, in one place. LIBSVM prints its training log to standard output and
 * draws the folds of its probability calibration from one static {@link java.util.Random}; here its log goes to
 * SLF4J at trace level, and every training that uses the shared random generator seeds it and runs under
 * {@link #RANDOM_LOCK}, so that a given seed always gives the same model. Thread-safe.
 */
final class Libsvm {

    private static final Logger LOG = LoggerFactory.getLogger("libsvm");
    /** Held while LIBSVM's static random generator is seeded and used. */
    private static final Object RANDOM_LOCK = new Object();

    static {
        svm.svm_set_print_string_function(message -> {
            if (LOG.isTraceEnabled()) {
                LOG.trace(message.strip());
            }
        });
    }

    private Libsvm() {
    }

    /** A C-SVC with an RBF kernel. */
    static svm_parameter rbfClassifier(double c, double gamma, boolean probability, int[] weightLabels, double[] weights) {
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.C_SVC;
        p.kernel_type = svm_parameter.RBF;
        p.degree = 3;
        p.gamma = gamma;
        p.coef0 = 0;
        p.C = c;
        p.cache_size = 200;
        p.eps = 1e-3;
        p.shrinking = 1;
        p.probability = probability ? 1 : 0;
        p.nr_weight = weightLabels.length;
        p.weight_label = weightLabels.clone();
        p.weight = weights.clone();
        p.nu = 0.5;
        p.p = 0.1;
        return p;
    }

    /** Dense vector as LIBSVM nodes, indices 1..n. */
    static svm_node[] nodes(double[] x) {
        svm_node[] nodes = new svm_node[x.length];
        for (int i = 0; i < x.length; i++) {
            nodes[i] = new svm_node();
            nodes[i].index = i + 1;
            nodes[i].value = x[i];
        }
        return nodes;
    }

    static svm_problem problem(svm_node[][] x, double[] y) {
        svm_problem problem = new svm_problem();
        problem.l = y.length;
        problem.x = x;
        problem.y = y;
        return problem;
    }

    /**
     * Trains a model. Without probability estimates LIBSVM draws no random numbers and the call runs
     * concurrently with others; with them, the shared generator is seeded with {@code seed} under a lock.
     *
     * @throws IllegalArgumentException when LIBSVM rejects the parameters
     */
    static svm_model train(svm_problem problem, svm_parameter parameter, long seed) {
        String error = svm.svm_check_parameter(problem, parameter);
        if (error != null) {
            throw new IllegalArgumentException("LIBSVM refuses the parameters: " + error);
        }
        if (parameter.probability == 0) {
            return svm.svm_train(problem, parameter);
        }
        synchronized (RANDOM_LOCK) {
            svm.rand.setSeed(seed);
            return svm.svm_train(problem, parameter);
        }
    }

    /** The predicted label. Thread-safe: LIBSVM's prediction only reads the model. */
    static double predict(svm_model model, svm_node[] x) {
        return svm.svm_predict(model, x);
    }
}
