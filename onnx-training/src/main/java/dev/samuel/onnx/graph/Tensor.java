package dev.samuel.onnx.graph;

import java.util.Arrays;

/**
 * A named constant tensor held in Java arrays: an initializer, a parameter value, a checkpoint entry.
 * The arrays are copied in and out, so a Tensor never changes.
 */
public final class Tensor {
    private final String name;
    private final DType type;
    private final Shape shape;
    private final Object data;

    private Tensor(String name, DType type, Shape shape, Object data, int length) {
        if (!shape.isStatic() || shape.size() != length) {
            throw new IllegalArgumentException(
                    "tensor " + name + " has " + length + " elements but shape " + shape);
        }
        this.name = name;
        this.type = type;
        this.shape = shape;
        this.data = data;
    }

    public static Tensor floats(String name, float[] data, long... dims) {
        return new Tensor(name, DType.FLOAT, Shape.of(dims), data.clone(), data.length);
    }

    public static Tensor doubles(String name, double[] data, long... dims) {
        return new Tensor(name, DType.DOUBLE, Shape.of(dims), data.clone(), data.length);
    }

    public static Tensor longs(String name, long[] data, long... dims) {
        return new Tensor(name, DType.INT64, Shape.of(dims), data.clone(), data.length);
    }

    public static Tensor bools(String name, boolean[] data, long... dims) {
        return new Tensor(name, DType.BOOL, Shape.of(dims), data.clone(), data.length);
    }

    /** A scalar or filled tensor of a floating type. */
    public static Tensor filled(String name, DType type, double value, long... dims) {
        int n = Math.toIntExact(Shape.of(dims).size());
        return switch (type) {
            case FLOAT -> { float[] a = new float[n]; Arrays.fill(a, (float) value); yield floats(name, a, dims); }
            case DOUBLE -> { double[] a = new double[n]; Arrays.fill(a, value); yield doubles(name, a, dims); }
            case INT64 -> { long[] a = new long[n]; Arrays.fill(a, (long) value); yield longs(name, a, dims); }
            default -> throw new IllegalArgumentException("cannot fill a " + type + " tensor");
        };
    }

    public String name() {
        return name;
    }

    public DType type() {
        return type;
    }

    public Shape shape() {
        return shape;
    }

    public int size() {
        return Math.toIntExact(shape.size());
    }

    public Tensor withName(String newName) {
        return new Tensor(newName, type, shape, data, size());
    }

    public float[] floats() {
        return ((float[]) as(DType.FLOAT)).clone();
    }

    public double[] doubles() {
        return ((double[]) as(DType.DOUBLE)).clone();
    }

    public long[] longs() {
        return ((long[]) as(DType.INT64)).clone();
    }

    public boolean[] bools() {
        return ((boolean[]) as(DType.BOOL)).clone();
    }

    /** Element i widened to double, whatever the type. */
    public double get(int i) {
        return switch (type) {
            case FLOAT -> ((float[]) data)[i];
            case DOUBLE -> ((double[]) data)[i];
            case INT64 -> ((long[]) data)[i];
            default -> throw new IllegalStateException(type + " tensor");
        };
    }

    private Object as(DType wanted) {
        if (type != wanted) {
            throw new IllegalStateException("tensor " + name + " is " + type + ", not " + wanted);
        }
        return data;
    }

    public Value value() {
        return new Value(name, type, shape);
    }

    @Override
    public String toString() {
        return "Tensor[" + name + ":" + type + shape + "]";
    }
}
