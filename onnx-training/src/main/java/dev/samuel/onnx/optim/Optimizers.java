package dev.samuel.onnx.optim;

import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Attrs;
import dev.samuel.onnx.graph.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the update of every parameter as graph nodes, declaring the optimizer state it carries. */
public final class Optimizers {
    public static final String LEARNING_RATE = "lr";
    public static final String STEP = "step";

    private Optimizers() {
    }

    /**
     * Adds state inputs, update nodes and the outputs {@code <name>.next} for each parameter and state.
     * {@code lr} and {@code step} (t = 1 for the first update) are scalar inputs of the graph.
     */
    public static List<Slot> build(GraphBuilder b, OptimizerConfig cfg, Map<String, Value> params,
                                   Map<String, Value> grads, Value lr, Value step) {
        Map<String, Value> g = cfg.clipNorm() > 0 ? clip(b, grads, cfg.clipNorm()) : grads;
        List<Slot> parameters = new ArrayList<>();
        List<Slot> states = new ArrayList<>();
        Adam adam = cfg.kind() == OptimizerConfig.Kind.ADAM ? new Adam(b, cfg, lr, step) : null;
        for (Map.Entry<String, Value> e : params.entrySet()) {
            Value p = e.getValue();
            Value grad = g.get(e.getKey());
            parameters.add(switch (cfg.kind()) {
                // p' = p - lr g
                case SGD -> slot(b, p, Op.SUB, p, b.mul(lr, grad), p, Slot.Role.PARAMETER);
                case MOMENTUM -> momentum(b, cfg, p, grad, lr, states);
                case ADAM -> adam.update(p, grad, states);
            });
        }
        parameters.addAll(states);
        return parameters;
    }

    // v' = mu v + g;  p' = p - lr v'
    private static Slot momentum(GraphBuilder b, OptimizerConfig cfg, Value p, Value g, Value lr, List<Slot> states) {
        Value v = b.input("momentum.v/" + p.name(), p.type(), p.shape());
        Slot velocity = slot(b, v, Op.ADD, b.mul(v, b.scalarLike(cfg.momentum(), v)), g, p, Slot.Role.STATE);
        states.add(velocity);
        return slot(b, p, Op.SUB, p, b.mul(lr, b.value(velocity.output())), p, Slot.Role.PARAMETER);
    }

    // g <- g min(1, c / ||g||), the norm taken over all gradients together
    private static Map<String, Value> clip(GraphBuilder b, Map<String, Value> grads, double maxNorm) {
        Value[] squares = grads.values().stream().map(b::reduceSumSquare).toArray(Value[]::new);
        Value norm = b.sqrt(b.sum(squares));
        Value any = squares[0];
        Value scale = b.min(b.scalarLike(1, any), b.div(b.scalarLike(maxNorm, any), b.add(norm, b.scalarLike(1e-12, any))));
        Map<String, Value> out = new LinkedHashMap<>();
        grads.forEach((k, v) -> out.put(k, b.mul(v, scale)));
        return out;
    }

    /** The last node of an update, writing the slot's output {@code <input>.next} directly (no copy). */
    static Slot slot(GraphBuilder b, Value in, Op op, Value x, Value y, Value parameter, Slot.Role role) {
        Value out = b.output(b.named(Slot.nextName(in.name()), op, Attrs.NONE, x, y));
        return new Slot(in.name(), out.name(), in.shape(), parameter.name(), role);
    }

    /**
     * Adam with its moments kept divided by (1 - beta): m~ = m / (1 - beta1), v~ = v / (1 - beta2). The update is
     * the textbook one, but each parameter costs ten passes over its elements instead of thirteen, because the
     * constant factors move into scalars computed once per step; the update is memory-bound, so passes are time.
     */
    private static final class Adam {
        private final GraphBuilder b;
        private final OptimizerConfig cfg;
        private final Value stepSize;
        private final Value epsilon;
        private final Value decay;

        // c1 = 1 - beta1^t, c2 = 1 - beta2^t. The textbook step (lr / c1) m / (sqrt(v / c2) + eps) equals
        // s m~ / (sqrt(v~) + e) with s = (lr / c1) (1 - beta1) sqrt(c2 / (1 - beta2)), e = eps sqrt(c2 / (1 - beta2)).
        // Decoupled decay: p (1 - lr wd).
        Adam(GraphBuilder b, OptimizerConfig cfg, Value lr, Value t) {
            this.b = b;
            this.cfg = cfg;
            Value one = b.scalarLike(1, lr);
            Value c1 = b.sub(one, b.pow(b.scalarLike(cfg.beta1(), lr), t));
            Value c2 = b.sub(one, b.pow(b.scalarLike(cfg.beta2(), lr), t));
            Value rootRatio = b.sqrt(b.div(c2, b.scalarLike(1 - cfg.beta2(), lr)));
            this.stepSize = b.mul(b.div(b.mul(lr, b.scalarLike(1 - cfg.beta1(), lr)), c1), rootRatio);
            this.epsilon = b.mul(b.scalarLike(cfg.epsilon(), lr), rootRatio);
            this.decay = cfg.weightDecay() > 0 ? b.sub(one, b.mul(lr, b.scalarLike(cfg.weightDecay(), lr))) : null;
        }

        // m~' = beta1 m~ + g;  v~' = beta2 v~ + g^2;  p' = p - s m~' / (sqrt(v~') + e)
        Slot update(Value p, Value g, List<Slot> states) {
            Value m = b.input("adam.m/" + p.name(), p.type(), p.shape());
            Value v = b.input("adam.v/" + p.name(), p.type(), p.shape());
            Slot mSlot = slot(b, m, Op.ADD, b.mul(m, b.scalarLike(cfg.beta1(), m)), g, p, Slot.Role.STATE);
            Slot vSlot = slot(b, v, Op.ADD, b.mul(v, b.scalarLike(cfg.beta2(), v)), b.mul(g, g), p, Slot.Role.STATE);
            states.add(mSlot);
            states.add(vSlot);
            Value denominator = b.add(b.sqrt(b.value(vSlot.output())), epsilon);
            Value update = b.mul(b.div(b.value(mSlot.output()), denominator), stepSize);
            return slot(b, p, Op.SUB, decay == null ? p : b.mul(p, decay), update, p, Slot.Role.PARAMETER);
        }
    }

    /** Scalar graph inputs every training graph has. */
    public static Value learningRateInput(GraphBuilder b, DType type) {
        return b.input(LEARNING_RATE, type, dev.samuel.onnx.graph.Shape.SCALAR);
    }

    public static Value stepInput(GraphBuilder b, DType type) {
        return b.input(STEP, type, dev.samuel.onnx.graph.Shape.SCALAR);
    }
}
