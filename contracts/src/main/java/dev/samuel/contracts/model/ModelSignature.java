package dev.samuel.contracts.model;

import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.model.SignatureMismatchException.Part;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Task;

/**
 * The one rule for what a model version's outputs mean: its spec says what the model predicts (task, classes, loss),
 * its {@link ProgramSignature} what the program gives; together they turn an output row into class probabilities,
 * a prediction, a loss and a hit. The trainer's holdout evaluation and gate, the registry's validation and
 * inference's predictions all use this class, so a program is judged and served by the same reading.
 *
 * <p>The loss is the spec's, computed in double precision from whatever the program outputs: cross-entropy
 * {@code -log p(label)} for a classifier (softmax and binary cross-entropy are the same quantity; from logits it
 * is {@code logsumexp(z) - z_label}, or {@code softplus(z) - y z} for one logit, exactly what the training graph
 * and PyTorch compute), the mean squared error over the outputs for a regression.
 */
public final class ModelSignature {

    /** Keeps the loss of a confidently wrong probability finite. */
    static final double MIN_PROBABILITY = 1e-12;

    private final Task task;
    private final String loss;
    private final ProgramSignature program;

    private ModelSignature(Task task, String loss, ProgramSignature program) {
        this.task = task;
        this.loss = loss;
        this.program = program;
    }

    /** Joins a spec and a program; a program that does not fit the spec is refused with what each says. */
    public static ModelSignature of(ModelSpec spec, ProgramSignature program) {
        int features = spec.input().featureCount();
        if (program.features() != features) {
            throw new SignatureMismatchException(Part.INPUT, "the program's input '" + program.input() + "' takes "
                    + program.features() + " features per row; the spec of " + spec.name() + " has " + features
                    + " (input.features)");
        }
        int categories = spec.input().categorical().size();
        if (program.categories() != categories) {
            throw new SignatureMismatchException(Part.INPUT, "the program reads " + program.categories()
                    + " categorical features (input '" + ProgramSignature.CATEGORIES + "'); the spec of " + spec.name()
                    + " has " + categories + " (input.categorical)");
        }
        int width = requiredWidth(spec.task(), spec.loss());
        if (program.width() != width) {
            throw new SignatureMismatchException(Part.OUTPUT, "the program's output '" + program.output() + "' has "
                    + program.width() + " values per row; the spec of " + spec.name() + " needs " + width + " ("
                    + need(spec.task(), spec.loss()) + ")");
        }
        boolean classifies = spec.task().isClassification();
        if (classifies == (program.kind() == OutputKind.VALUES)) {
            throw new SignatureMismatchException(Part.OUTPUT, "the program's output '" + program.output() + "' holds "
                    + program.kind().jsonName() + "; a " + spec.task().type() + " needs "
                    + (classifies ? "probabilities or logits" : "values"));
        }
        return new ModelSignature(spec.task(), spec.loss(), program);
    }

    /**
     * The reading of a served prediction as one output row: a classifier's {@code scores} (one probability per
     * class, a binary one's included) or a regression's values. A prediction on {@code M.predictions} is judged
     * against its label by the rule that judged the program that made it.
     */
    public static ModelSignature ofPredictions(ModelSpec spec) {
        Task task = spec.task();
        boolean classifies = task.isClassification();
        var row = new ProgramSignature("features", spec.input().featureCount(), "scores",
                classifies ? task.classes() : task.outputs(), classifies ? OutputKind.PROBABILITIES : OutputKind.VALUES,
                Origin.SPEC, spec.input().categorical().size());
        return new ModelSignature(task, spec.loss(), row);
    }

    /** Values per output row the spec needs: one per class (one for binary cross-entropy), or per regression output. */
    public static int requiredWidth(Task task, String loss) {
        if (ModelSpec.BINARY_CROSS_ENTROPY.equals(loss)) {
            return 1;
        }
        return task.isClassification() ? task.classes() : task.outputs();
    }

    private static String need(Task task, String loss) {
        if (ModelSpec.BINARY_CROSS_ENTROPY.equals(loss)) {
            return "loss binary_cross_entropy reads one output, the second class";
        }
        return task.isClassification() ? "task.classes " + task.classes() : "task.outputs " + task.outputs();
    }

    public ProgramSignature program() {
        return program;
    }

    public Task task() {
        return task;
    }

    public String loss() {
        return loss;
    }

    public boolean isClassifier() {
        return task.isClassification();
    }

    /** Values per output row of the program. */
    public int width() {
        return program.width();
    }

    /** One probability per class for row {@code row} of row-major outputs. */
    public float[] probabilities(float[] outputs, int row) {
        requireClassifier();
        int at = row * width();
        var p = new float[task.classes()];
        if (width() == 1) {
            double second = program.kind() == OutputKind.LOGITS ? sigmoid(outputs[at]) : outputs[at];
            p[0] = (float) (1 - second);
            p[1] = (float) second;
        } else if (program.kind() == OutputKind.LOGITS) {
            double max = max(outputs, at);
            double sum = 0;
            for (int k = 0; k < p.length; k++) {
                sum += Math.exp(outputs[at + k] - max);
            }
            for (int k = 0; k < p.length; k++) {
                p[k] = (float) (Math.exp(outputs[at + k] - max) / sum);
            }
        } else {
            System.arraycopy(outputs, at, p, 0, p.length);
        }
        return p;
    }

    /** The most probable class of a row (the first of equals); for one output, the second class above 1/2. */
    public int predictedClass(float[] outputs, int row) {
        requireClassifier();
        int at = row * width();
        if (width() == 1) {
            return outputs[at] > (program.kind() == OutputKind.LOGITS ? 0f : 0.5f) ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < width(); k++) {
            if (outputs[at + k] > outputs[at + best]) {
                best = k;
            }
        }
        return best;
    }

    /** What a row predicts: the class (by name when the spec names classes), or the regression value(s). */
    public Label prediction(float[] outputs, int row) {
        if (isClassifier()) {
            int k = predictedClass(outputs, row);
            return task.classNames() == null ? Label.of(k) : Label.of(task.classNames().get(k));
        }
        var values = java.util.Arrays.copyOfRange(outputs, row * width(), (row + 1) * width());
        return values.length == 1 ? Label.of(values[0]) : Label.of(values);
    }

    /**
     * The spec's loss of one row against its target: a class index for a classifier, the values for a regression
     * (as {@code ResolvedExample.target()} holds them).
     */
    public double loss(float[] outputs, int row, float[] target) {
        int at = row * width();
        if (!isClassifier()) {
            double sum = 0;
            for (int k = 0; k < width(); k++) {
                double error = outputs[at + k] - (double) target[k];
                sum += error * error;
            }
            return sum / width();
        }
        int label = (int) target[0];
        if (width() == 1) {
            double z = outputs[at];
            if (program.kind() == OutputKind.LOGITS) {
                return Math.max(z, 0) - z * label + Math.log1p(Math.exp(-Math.abs(z)));
            }
            return -Math.log(Math.max(label == 1 ? z : 1 - z, MIN_PROBABILITY));
        }
        if (program.kind() == OutputKind.LOGITS) {
            double max = max(outputs, at);
            double sum = 0;
            for (int k = 0; k < width(); k++) {
                sum += Math.exp(outputs[at + k] - max);
            }
            return max + Math.log(sum) - outputs[at + label];
        }
        return -Math.log(Math.max(outputs[at + label], MIN_PROBABILITY));
    }

    /** Whether a classifier's row predicts its target class. */
    public boolean isCorrect(float[] outputs, int row, float[] target) {
        return predictedClass(outputs, row) == (int) target[0];
    }

    private void requireClassifier() {
        if (!isClassifier()) {
            throw new IllegalStateException("a regression has no class probabilities");
        }
    }

    private double max(float[] outputs, int at) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < width(); k++) {
            max = Math.max(max, outputs[at + k]);
        }
        return max;
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
