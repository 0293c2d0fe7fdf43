package dev.samuel.onnx.graph;

/** ONNX attribute kinds we write, with the Java type a node carries for each. */
public enum AttrType {
    INT(Long.class),
    FLOAT(Double.class),
    INTS(long[].class),
    STRING(String.class),
    STRINGS(String[].class),
    TENSOR(Tensor.class);

    private final Class<?> javaType;

    AttrType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public boolean accepts(Object value) {
        return javaType.isInstance(value);
    }
}
