package dev.samuel.contracts.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a spec as a whole and names every problem by its JSON path, e.g. {@code layers[1].dense must be > 0}. */
public final class ModelSpecValidator {

    /** Model names become topic prefixes, so they use Kafka's topic alphabet; ':' and '@' are kept for registry keys. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,119}");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9_-]+");

    private final List<String> problems = new ArrayList<>();

    private ModelSpecValidator() {
    }

    /** All problems of the spec, empty when it is valid. */
    public static List<String> problems(ModelSpec spec) {
        var validator = new ModelSpecValidator();
        validator.check(spec);
        return List.copyOf(validator.problems);
    }

    private void check(ModelSpec spec) {
        if (spec.name() == null) {
            problems.add("name is required");
        } else if (!NAME.matcher(spec.name()).matches()) {
            problems.add("name must be 1-120 characters of [A-Za-z0-9._-], not starting with '.', got '"
                    + spec.name() + "'");
        }
        require(spec.task() != null, "task is required");
        require(spec.input() != null, "input is required");
        require(spec.layers() != null && !spec.layers().isEmpty(), "layers must name at least one layer");
        if (spec.task() != null) {
            checkTask(spec.task());
        }
        if (spec.input() != null) {
            new InputCheck(problems).check(spec.input());
        }
        if (spec.layers() != null) {
            checkLayers(spec.layers(), spec.input());
        }
        if (spec.task() != null && spec.layers() != null && !spec.layers().isEmpty() && problems.isEmpty()) {
            checkOutput(spec);
        }
        checkOptimizer(spec.optimizer());
        checkInit(spec.init());
        checkTraining(spec.training());
        problems.addAll(MonitoringCheck.problems(spec.monitoring()));
        require(Double.isFinite(spec.promotion().minImprovement()), "promotion.minImprovement must be a finite number");
        checkTopics(spec.topics());
    }

    private void checkTask(Task task) {
        require(task.labelField() == null || !task.labelField().isBlank(), "task.labelField must not be blank");
        if (Task.CLASSIFICATION.equals(task.type())) {
            require(task.classes() != null && task.classes() >= 2, "task.classes must be >= 2 for classification");
            if (task.classNames() != null) {
                require(new HashSet<>(task.classNames()).size() == task.classNames().size(),
                        "task.classNames must be unique");
                require(task.classes().equals(task.classNames().size()),
                        "task.classes must equal the number of task.classNames");
            }
        } else if (Task.REGRESSION.equals(task.type())) {
            require(task.outputs() >= 1, "task.outputs must be >= 1 for regression");
        } else {
            problems.add("task.type must be one of [classification, regression], got '" + task.type() + "'");
        }
    }

    private void checkLayers(List<Layer> layers, Input input) {
        var check = new LayerCheck(input, problems);
        for (int i = 0; i < layers.size(); i++) {
            check.check(i, layers.get(i));
        }
    }

    /** The last layer produces the logits or values the loss reads, so its width and activation are fixed by the task. */
    private void checkOutput(ModelSpec spec) {
        int last = spec.layers().size() - 1;
        var at = "layers[" + last + "]";
        if (!(spec.layers().get(last) instanceof DenseLayer output)) {
            problems.add(at + " must be the dense output layer");
            return;
        }
        require("linear".equals(output.activationOrLinear()),
                at + ".activation must be linear: the loss applies the output function");
        var task = spec.task();
        int units = output.units();
        switch (spec.loss()) {
            case ModelSpec.SOFTMAX_CROSS_ENTROPY -> {
                require(task.isClassification(), "loss softmax_cross_entropy needs a classification task");
                require(!task.isClassification() || units == task.classes(),
                        at + ".dense must equal task.classes (" + task.classes() + ")");
            }
            case ModelSpec.BINARY_CROSS_ENTROPY -> {
                require(task.isClassification() && task.classes() == 2,
                        "loss binary_cross_entropy needs a classification task with 2 classes");
                require(units == 1, at + ".dense must be 1 for binary_cross_entropy");
            }
            case ModelSpec.MEAN_SQUARED_ERROR -> {
                require(!task.isClassification(), "loss mse needs a regression task");
                require(task.isClassification() || units == task.outputs(),
                        at + ".dense must equal task.outputs (" + task.outputs() + ")");
            }
            default -> problems.add("loss must be one of " + ModelSpec.LOSSES + ", got '" + spec.loss() + "'");
        }
    }

    private void checkOptimizer(Optimizer optimizer) {
        if (!Optimizer.TYPES.contains(optimizer.type())) {
            problems.add("optimizer must be one of " + Optimizer.TYPES + ", got '" + optimizer.type() + "'");
            return;
        }
        var at = "optimizer." + optimizer.type();
        require(optimizer.learningRate() > 0 && Double.isFinite(optimizer.learningRate()), at + ".lr must be > 0");
        require(optimizer.momentum() >= 0 && optimizer.momentum() < 1, at + ".momentum must be in [0, 1)");
        require(optimizer.beta1() >= 0 && optimizer.beta1() < 1, at + ".beta1 must be in [0, 1)");
        require(optimizer.beta2() >= 0 && optimizer.beta2() < 1, at + ".beta2 must be in [0, 1)");
        require(optimizer.epsilon() > 0, at + ".epsilon must be > 0");
        require(optimizer.weightDecay() >= 0, at + ".weightDecay must be >= 0");
        require(optimizer.clipNorm() >= 0, at + ".clipNorm must be >= 0");
    }

    private void checkInit(Init init) {
        require(init.sourceCount() == 1, "init must have exactly one of random, from");
        require(init.from() == null || REFERENCE.matcher(init.from()).matches(),
                "init.from must be '<model>@<alias or version>', got '" + init.from() + "'");
        require(init.freeze().stream().allMatch(name -> name != null && !name.isBlank()),
                "init.freeze must list parameter names");
    }

    private void checkTraining(Training training) {
        require(training.batchSize() > 0, "training.batchSize must be > 0");
        require(training.epochs() > 0, "training.epochs must be > 0");
        require(training.holdout() > 0 && training.holdout() < 1, "training.holdout must be in (0, 1), got "
                + training.holdout());
        require(training.retrainEvery() >= 0, "training.retrainEvery must be >= 0");
        require(training.window() >= 0, "training.window must be >= 0");
        require(training.minExamples() >= 0, "training.minExamples must be >= 0");
        require(training.retrainInterval() == null || !training.retrainInterval().isNegative()
                && !training.retrainInterval().isZero(), "training.retrainInterval must be a positive duration");
    }

    private void checkTopics(TopicNames topics) {
        checkTopic("topics.labelled", topics.labelled());
        checkTopic("topics.train", topics.train());
        checkTopic("topics.test", topics.test());
        checkTopic("topics.unlabelled", topics.unlabelled());
        checkTopic("topics.predictions", topics.predictions());
        checkTopic("topics.rejected", topics.rejected());
    }

    private void checkTopic(String at, String topic) {
        require(topic == null || TOPIC.matcher(topic).matches(),
                at + " must be a Kafka topic name ([A-Za-z0-9._-], at most 249), got '" + topic + "'");
    }

    private void require(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }
}
