package dev.samuel.onnx.train;

import dev.samuel.onnx.grad.Backprop;
import dev.samuel.onnx.graph.Attrs;
import dev.samuel.onnx.graph.Graph;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Shape;
import dev.samuel.onnx.graph.Value;
import dev.samuel.onnx.loss.LossKind;
import dev.samuel.onnx.loss.LossNodes;
import dev.samuel.onnx.loss.Losses;
import dev.samuel.onnx.optim.Optimizers;
import dev.samuel.onnx.optim.Slot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graphs a session runs. The training graph reads a batch, the parameters and the optimizer state
 * and writes the loss and the next parameters and state: forward, loss, backpropagation and update in
 * one run. The evaluation graph is the forward graph with parameters as inputs, plus the loss sums.
 */
public record TrainingGraph(Graph graph, List<Slot> slots, List<DropoutSite> dropouts) {
    public static final String LABELS = "labels";
    public static final String WEIGHTS = "weights";
    public static final String LOSS = "loss";
    public static final String LOSS_SUM = "loss_sum";
    public static final String WEIGHT_SUM = "weight_sum";
    public static final String CORRECT = "correct";

    public static TrainingGraph training(ForwardModel m, TrainingConfig cfg, Set<String> frozen) {
        List<String> trainable = m.parameters().stream().filter(p -> !frozen.contains(p)).toList();
        GraphBuilder b = new GraphBuilder(m.graph().name() + ".train");
        List<DropoutSite> dropouts = new ArrayList<>();
        Map<String, Value> running = new LinkedHashMap<>();
        GraphReplay.replay(b, m, trainable, Map.of(), List.of(m.logits()), dropouts, running);
        // running statistics of batch normalisation are carried like parameters but updated, not differentiated
        List<String> learned = trainable.stream().filter(p -> !running.containsKey(p)).toList();
        Value logits = b.value(m.logits());
        LossNodes loss = loss(b, cfg.loss(), logits);
        b.output(b.named(LOSS, Op.IDENTITY, Attrs.NONE, loss.loss()));
        Map<String, Value> grads = Backprop.gradients(b, Map.of(logits.name(), loss.gradLogits()), learned);
        Map<String, Value> params = new LinkedHashMap<>();
        learned.forEach(p -> params.put(p, b.value(p)));
        Value lr = Optimizers.learningRateInput(b, logits.type());
        Value step = Optimizers.stepInput(b, logits.type());
        List<Slot> slots = new ArrayList<>(Optimizers.build(b, cfg.optimizer(), params, grads, lr, step));
        running.forEach((name, next) -> {
            Value out = b.output(b.named(Slot.nextName(name), Op.IDENTITY, Attrs.NONE, next));
            slots.add(new Slot(name, out.name(), b.value(name).shape(), name, Slot.Role.PARAMETER));
        });
        return new TrainingGraph(b.build(), slots, dropouts);
    }

    /** Forward output, loss sums and correct count, with every trainable parameter as an input. */
    public static Graph evaluation(ForwardModel m, TrainingConfig cfg, Set<String> frozen) {
        List<String> trainable = m.parameters().stream().filter(p -> !frozen.contains(p)).toList();
        GraphBuilder b = new GraphBuilder(m.graph().name() + ".eval");
        GraphReplay.replay(b, m, trainable, List.of(m.logits(), m.output()), null);
        b.output(b.value(m.output()));
        LossNodes loss = loss(b, cfg.loss(), b.value(m.logits()));
        b.output(b.named(LOSS_SUM, Op.IDENTITY, Attrs.NONE, loss.lossSum()));
        b.output(b.named(WEIGHT_SUM, Op.IDENTITY, Attrs.NONE, loss.weightSum()));
        if (loss.correct() != null) {
            b.output(b.named(CORRECT, Op.IDENTITY, Attrs.NONE, loss.correct()));
        }
        return b.build();
    }

    /** Class indices [N] for the classification losses, float targets [N, K] for MSE. */
    private static LossNodes loss(GraphBuilder b, LossKind kind, Value logits) {
        Shape labelShape = kind.hasClassLabels() ? Shape.of(Shape.DYNAMIC) : Shape.of(Shape.DYNAMIC, logits.shape().dim(1));
        Value labels = b.input(LABELS, Losses.labelType(kind, logits.type()), labelShape);
        Value weights = b.input(WEIGHTS, logits.type(), Shape.of(Shape.DYNAMIC));
        return Losses.build(b, kind, logits, labels, weights);
    }
}
