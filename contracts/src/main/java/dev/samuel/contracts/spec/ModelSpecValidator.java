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
            checkInput(spec.input());
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
        require(Double.isFinite(spec.promotion().minImprovement()), "promotion.minImprovement must be a finite number");
        checkTopics(spec.topics());
    }

    private void checkTask(Task task) {
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

    private void checkInput(Input input) {
        require(input.features() != null && input.features() > 0, "input.features must be > 0");
        if (input.names() != null) {
            require(new HashSet<>(input.names()).size() == input.names().size(), "input.names must be unique");
            require(input.features() == null || input.features() == input.names().size(),
                    "input.features must equal the number of input.names");
        }
        if (input.shape() != null) {
            var shape = input.shape();
            if (shape.size() != 3 || shape.stream().anyMatch(d -> d == null || d <= 0)) {
                problems.add("input.shape must be [channels, height, width] of sizes > 0, got " + shape);
            } else if (input.features() != null
                    && (long) shape.get(0) * shape.get(1) * shape.get(2) != input.features()) {
                problems.add("input.shape " + shape + " has " + (long) shape.get(0) * shape.get(1) * shape.get(2)
                        + " values, but input.features is " + input.features());
            }
        }
    }

    private void checkLayers(List<Layer> layers, Input input) {
        // [channels, height, width] while the layers see maps; null once flat (or without a valid input.shape)
        int[] maps = input != null && input.shape() != null && input.shape().size() == 3
                && input.shape().stream().allMatch(d -> d != null && d > 0)
                ? input.shape().stream().mapToInt(Integer::intValue).toArray() : null;
        boolean shaped = maps != null;
        boolean lost = false; // an earlier problem left the map size unknown: later spatial layers are not checked
        for (int i = 0; i < layers.size(); i++) {
            var layer = layers.get(i);
            var at = "layers[" + i + "]";
            if (layer == null || layer.kinds().size() != 1) {
                problems.add(at + " must have exactly one of " + String.join(", ", Layer.KINDS)
                        + (layer == null ? "" : ", got " + layer.kinds()));
                continue;
            }
            var kind = layer.kinds().get(0);
            boolean activated = layer.isDense() || layer.isConv2d();
            require(activated || layer.activation() == null, at + ": a " + kind + " layer takes no activation");
            if (activated) {
                require(Layer.ACTIVATIONS.contains(layer.activationOrLinear()),
                        at + ".activation must be one of " + Layer.ACTIVATIONS + ", got '" + layer.activation() + "'");
            }
            require(layer.isConv2d() || layer.kernel() == null && layer.padding() == null && layer.dilation() == null
                    && layer.groups() == null, at + ": kernel, padding, dilation and groups apply to conv2d only");
            require(layer.isConv2d() || layer.isMaxPool2d() || layer.isAvgPool2d() || layer.stride() == null,
                    at + ": stride applies to conv2d, max_pool2d and avg_pool2d only");
            if (layer.isSpatial()) {
                if (lost) {
                    continue;
                }
                if (!shaped) {
                    problems.add(at + ": " + kind + " needs input.shape ([channels, height, width])");
                    continue;
                }
                if (maps == null) {
                    problems.add(at + ": " + kind + " needs [channels, height, width] maps, but an earlier layer flattened them");
                    continue;
                }
            }
            switch (kind) {
                case "dense" -> {
                    require(layer.dense() > 0, at + ".dense must be > 0");
                    maps = null;
                }
                case "dropout" -> require(layer.dropout() >= 0 && layer.dropout() < 1, at + ".dropout must be in [0, 1)");
                case "conv2d" -> {
                    maps = checkConv(layer, at, maps);
                    lost = maps == null;
                }
                case "max_pool2d", "avg_pool2d" -> {
                    maps = checkPool(layer, at, kind, maps);
                    lost = maps == null;
                }
                case "global_avg_pool" -> {
                    require(layer.globalAvgPool(), at + ".global_avg_pool must be true");
                    maps = new int[] {maps[0], 1, 1};
                }
                case "batch_norm" -> require(layer.batchNorm(), at + ".batch_norm must be true");
                case "flatten" -> {
                    require(layer.flatten(), at + ".flatten must be true");
                    maps = null;
                }
                default -> throw new IllegalStateException(kind);
            }
        }
    }

    private int[] checkConv(Layer layer, String at, int[] maps) {
        int before = problems.size();
        require(layer.conv2d() > 0, at + ".conv2d (filters) must be > 0");
        require(layer.kernel() != null && layer.kernel() > 0, at + ".kernel must be > 0");
        require(layer.strideOrDefault() > 0, at + ".stride must be > 0");
        require(layer.paddingOrZero() >= 0, at + ".padding must be >= 0");
        require(layer.dilationOrOne() > 0, at + ".dilation must be > 0");
        int groups = layer.groupsOrOne();
        require(groups > 0 && maps[0] % groups == 0 && layer.conv2d() % groups == 0,
                at + ".groups must be > 0 and divide the input channels (" + maps[0] + ") and conv2d ("
                        + layer.conv2d() + "), got " + groups);
        if (problems.size() > before) {
            return null;
        }
        int span = (layer.kernel() - 1) * layer.dilationOrOne() + 1;
        return shrink(at, maps, layer.conv2d(), span, layer.strideOrDefault(), layer.paddingOrZero(), "kernel " + layer.kernel());
    }

    private int[] checkPool(Layer layer, String at, String kind, int[] maps) {
        int window = layer.isMaxPool2d() ? layer.maxPool2d() : layer.avgPool2d();
        require(window > 0, at + "." + kind + " (window) must be > 0");
        require(layer.strideOrDefault() > 0, at + ".stride must be > 0");
        if (window <= 0 || layer.strideOrDefault() <= 0) {
            return null;
        }
        return shrink(at, maps, maps[0], window, layer.strideOrDefault(), 0, "window " + window);
    }

    private int[] shrink(String at, int[] maps, int channels, int span, int stride, int padding, String what) {
        int h = (maps[1] + 2 * padding - span) / stride + 1;
        int w = (maps[2] + 2 * padding - span) / stride + 1;
        if (maps[1] + 2 * padding < span || maps[2] + 2 * padding < span) {
            problems.add(at + ": " + what + " does not fit its " + maps[1] + "x" + maps[2] + " input maps");
            return null;
        }
        return new int[] {channels, h, w};
    }

    /** The last layer produces the logits or values the loss reads, so its width and activation are fixed by the task. */
    private void checkOutput(ModelSpec spec) {
        int last = spec.layers().size() - 1;
        var output = spec.layers().get(last);
        var at = "layers[" + last + "]";
        if (!output.isDense()) {
            problems.add(at + " must be the dense output layer");
            return;
        }
        require("linear".equals(output.activationOrLinear()),
                at + ".activation must be linear: the loss applies the output function");
        var task = spec.task();
        switch (spec.loss()) {
            case ModelSpec.SOFTMAX_CROSS_ENTROPY -> {
                require(task.isClassification(), "loss softmax_cross_entropy needs a classification task");
                require(!task.isClassification() || output.dense().equals(task.classes()),
                        at + ".dense must equal task.classes (" + task.classes() + ")");
            }
            case ModelSpec.BINARY_CROSS_ENTROPY -> {
                require(task.isClassification() && task.classes() == 2,
                        "loss binary_cross_entropy needs a classification task with 2 classes");
                require(output.dense() == 1, at + ".dense must be 1 for binary_cross_entropy");
            }
            case ModelSpec.MEAN_SQUARED_ERROR -> {
                require(!task.isClassification(), "loss mse needs a regression task");
                require(task.isClassification() || output.dense().equals(task.outputs()),
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
