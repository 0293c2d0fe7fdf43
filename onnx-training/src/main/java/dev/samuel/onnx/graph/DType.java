package dev.samuel.onnx.graph;

/** The tensor element types our graphs use, with their ONNX {@code TensorProto.DataType} codes. */
public enum DType {
    FLOAT(1, 4),
    INT64(7, 8),
    BOOL(9, 1),
    DOUBLE(11, 8),
    /** Only as a graph input (a categorical column's raw values): never an initializer. */
    STRING(8, 0);

    private final int onnxCode;
    private final int bytes;

    DType(int onnxCode, int bytes) {
        this.onnxCode = onnxCode;
        this.bytes = bytes;
    }

    public int onnxCode() {
        return onnxCode;
    }

    public int bytes() {
        return bytes;
    }

    public boolean isFloating() {
        return this == FLOAT || this == DOUBLE;
    }

    public static DType ofOnnxCode(int code) {
        for (DType t : values()) {
            if (t.onnxCode == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unsupported ONNX element type " + code);
    }
}
