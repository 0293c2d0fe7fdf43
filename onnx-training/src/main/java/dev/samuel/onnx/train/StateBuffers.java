package dev.samuel.onnx.train;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import dev.samuel.onnx.graph.GraphException;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.optim.Slot;
import dev.samuel.onnx.runtime.Sessions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters and optimizer state in two sets of native tensors over direct buffers. A step reads the
 * current set and ORT writes the next values straight into the other set (pinned outputs), then the sets
 * swap: nothing is copied through Java arrays. Two sets, because handing ORT one tensor as both input and
 * pinned output is accepted and silently computes garbage. This class owns all of them.
 */
final class StateBuffers implements AutoCloseable {
    private final List<Slot> slots;
    private final FloatBuffer[][] buffers;
    private final OnnxTensor[][] tensors;
    private final Map<String, OnnxTensor>[] asInputs;
    private final Map<String, OnnxValue>[] asOutputs;
    private final Map<String, OnnxTensor>[] parameters;
    private int current;

    @SuppressWarnings("unchecked")
    StateBuffers(List<Slot> slots) {
        this.slots = slots;
        buffers = new FloatBuffer[2][slots.size()];
        tensors = new OnnxTensor[2][slots.size()];
        asInputs = new Map[] {new HashMap<>(), new HashMap<>()};
        asOutputs = new Map[] {new HashMap<>(), new HashMap<>()};
        parameters = new Map[] {new HashMap<>(), new HashMap<>()};
        try {
            for (int set = 0; set < 2; set++) {
                allocate(set);
            }
        } catch (OrtException | RuntimeException e) {
            close();
            throw new GraphException("cannot allocate training state: " + e.getMessage(), e);
        }
    }

    private void allocate(int set) throws OrtException {
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            int n = Math.toIntExact(s.shape().size());
            buffers[set][i] = ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            tensors[set][i] = OnnxTensor.createTensor(Sessions.env(), buffers[set][i], s.shape().dims());
            asInputs[set].put(s.input(), tensors[set][i]);
            asOutputs[set].put(s.output(), tensors[set][i]);
            if (s.role() == Slot.Role.PARAMETER) {
                parameters[set].put(s.input(), tensors[set][i]);
            }
        }
    }

    /** The current values, by slot input name: graph inputs of the next step. */
    Map<String, OnnxTensor> inputs() {
        return asInputs[current];
    }

    /** The other set, by slot output name: where the next step writes. */
    Map<String, OnnxValue> pinnedOutputs() {
        return asOutputs[1 - current];
    }

    /** The current parameters only (what the evaluation graph reads). */
    Map<String, OnnxTensor> parameters() {
        return parameters[current];
    }

    /** After a step: the set just written becomes current. */
    void swap() {
        current = 1 - current;
    }

    List<Slot> slots() {
        return slots;
    }

    Tensor read(int slot) {
        FloatBuffer buf = buffers[current][slot].duplicate();
        buf.rewind();
        float[] values = new float[buf.remaining()];
        buf.get(values);
        Slot s = slots.get(slot);
        return Tensor.floats(s.input(), values, s.shape().dims());
    }

    void write(int slot, Tensor value) {
        Slot s = slots.get(slot);
        if (!value.shape().equals(s.shape())) {
            throw new IllegalArgumentException("'" + s.input() + "' has shape " + s.shape() + ", got " + value.shape());
        }
        FloatBuffer buf = buffers[current][slot].duplicate();
        buf.rewind();
        buf.put(value.floats());
    }

    @Override
    public void close() {
        for (OnnxTensor[] set : tensors) {
            for (OnnxTensor t : set) {
                if (t != null) {
                    t.close();
                }
            }
        }
    }
}
