package dev.samuel.cli.e2e;

import java.util.Locale;
import java.util.Random;

/**
 * The four kinds of model the contract covers, each with a spec, a rule that labels synthetic rows of four features
 * and how a foreign program for it is declared at import.
 */
enum Task {
    /** Three named classes, softmax cross-entropy: the largest of the first three features. */
    MULTICLASS("{\"type\": \"classification\", \"classNames\": [\"a\", \"b\", \"c\"]}", 3, null, null),
    /** Two classes, binary cross-entropy on one output (its logit declared at import). */
    BINARY("{\"type\": \"classification\", \"classes\": 2}", 1, "binary_cross_entropy", "logits"),
    /** One regression value. */
    REGRESSION("{\"type\": \"regression\"}", 1, null, null),
    /** Three regression values. */
    REGRESSION3("{\"type\": \"regression\", \"outputs\": 3}", 3, null, null);

    static final int FEATURES = 4;

    final String task;
    final int width;
    final String loss;
    /** What an import of a PyTorch export of this task declares (null: the registry reads it). */
    final String declared;

    Task(String task, int width, String loss, String declared) {
        this.task = task;
        this.width = width;
        this.loss = loss;
        this.declared = declared;
    }

    String spec(String name, String init) {
        return """
                {"name": "%s", "task": %s, "input": {"features": %d},
                 "layers": [{"dense": 16, "activation": "relu"}, {"dense": %d}]%s,
                 "optimizer": {"adam": {"lr": 0.01}}, "init": %s,
                 "training": {"batchSize": 32, "epochs": 8, "holdout": 0.25}}"""
                .formatted(name, task, FEATURES, width, loss == null ? "" : ", \"loss\": \"" + loss + "\"", init);
    }

    boolean classifies() {
        return this == MULTICLASS || this == BINARY;
    }

    /** One JSON line: {@code id}, four features and, when {@code labelled}, the label the rule gives them. */
    String row(Random random, String id, boolean labelled) {
        var x = new double[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            x[i] = random.nextGaussian();
        }
        var features = String.format(Locale.ROOT, "[%.5f, %.5f, %.5f, %.5f]", x[0], x[1], x[2], x[3]);
        return String.format(Locale.ROOT, "{\"id\": \"%s\", \"features\": %s%s}", id, features,
                labelled ? ", \"label\": " + label(x) : "");
    }

    private String label(double[] x) {
        return switch (this) {
            case MULTICLASS -> "\"" + "abc".charAt(x[0] > x[1] ? (x[0] > x[2] ? 0 : 2) : (x[1] > x[2] ? 1 : 2)) + "\"";
            case BINARY -> x[0] + 0.5 * x[1] > 0 ? "1" : "0";
            case REGRESSION -> String.format(Locale.ROOT, "%.5f", 3 * x[0] - 2 * x[1] + 0.5);
            case REGRESSION3 -> String.format(Locale.ROOT, "[%.5f, %.5f, %.5f]", x[0] + x[1], x[2] - x[3], 2 * x[0]);
        };
    }
}
