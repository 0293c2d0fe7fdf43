package dev.samuel.onnx.graph;

/** A named tensor in a graph: its element type and shape (null when the rank is unknown). */
public record Value(String name, DType type, Shape shape) {

    public int rank() {
        if (shape == null) {
            throw new IllegalStateException("rank of " + name + " is unknown");
        }
        return shape.rank();
    }

    @Override
    public String toString() {
        return name + ":" + type + (shape == null ? "[?]" : shape.toString());
    }
}
