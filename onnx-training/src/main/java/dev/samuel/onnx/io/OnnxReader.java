package dev.samuel.onnx.io;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import dev.samuel.onnx.graph.Attrs;
import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.GraphException;
import dev.samuel.onnx.graph.Shape;
import dev.samuel.onnx.graph.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Converts ONNX protobuf pieces (tensors, attributes, value infos) into the library's types. */
public final class OnnxReader {
    private OnnxReader() {
    }

    public static Tensor tensor(TensorProto t) {
        DType type = DType.ofOnnxCode(t.getDataType());
        long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        int n = Math.toIntExact(Shape.of(dims).size());
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        boolean hasRaw = !t.getRawData().isEmpty();
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new GraphException("initializer '" + t.getName() + "' keeps its data outside the model");
        }
        return switch (type) {
            case STRING -> throw new GraphException("initializer '" + t.getName() + "' holds strings, which are not read");
            case FLOAT -> {
                float[] v = new float[n];
                if (hasRaw) {
                    raw.asFloatBuffer().get(v);
                } else {
                    for (int i = 0; i < n; i++) {
                        v[i] = t.getFloatData(i);
                    }
                }
                yield Tensor.floats(t.getName(), v, dims);
            }
            case DOUBLE -> {
                double[] v = new double[n];
                if (hasRaw) {
                    raw.asDoubleBuffer().get(v);
                } else {
                    for (int i = 0; i < n; i++) {
                        v[i] = t.getDoubleData(i);
                    }
                }
                yield Tensor.doubles(t.getName(), v, dims);
            }
            case INT64 -> {
                long[] v = new long[n];
                if (hasRaw) {
                    raw.asLongBuffer().get(v);
                } else {
                    for (int i = 0; i < n; i++) {
                        v[i] = t.getInt64Data(i);
                    }
                }
                yield Tensor.longs(t.getName(), v, dims);
            }
            case BOOL -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = hasRaw ? raw.get(i) != 0 : t.getInt32Data(i) != 0;
                }
                yield Tensor.bools(t.getName(), v, dims);
            }
        };
    }

    /** Adds one attribute to attrs, in the Java types {@link dev.samuel.onnx.graph.AttrType} expects. */
    public static Attrs attribute(Attrs attrs, AttributeProto a) {
        return switch (a.getType()) {
            case INT -> attrs.with(a.getName(), a.getI());
            case FLOAT -> attrs.with(a.getName(), (double) a.getF());
            case INTS -> attrs.with(a.getName(), a.getIntsList().stream().mapToLong(Long::longValue).toArray());
            case STRING -> attrs.with(a.getName(), a.getS().toStringUtf8());
            case STRINGS -> attrs.with(a.getName(), a.getStringsList().stream().map(ByteString::toStringUtf8)
                    .toArray(String[]::new));
            case TENSOR -> attrs.with(a.getName(), tensor(a.getT()));
            default -> throw new GraphException("attribute '" + a.getName() + "' of type " + a.getType() + " is not supported");
        };
    }

    public static DType type(ValueInfoProto v) {
        return DType.ofOnnxCode(v.getType().getTensorType().getElemType());
    }

    /** The declared shape; symbolic or missing dimensions are dynamic, a missing shape unknown (null). */
    public static Shape shape(ValueInfoProto v) {
        if (!v.getType().getTensorType().hasShape()) {
            return null;
        }
        TensorShapeProto s = v.getType().getTensorType().getShape();
        long[] dims = new long[s.getDimCount()];
        for (int i = 0; i < dims.length; i++) {
            TensorShapeProto.Dimension d = s.getDim(i);
            dims[i] = d.hasDimValue() ? d.getDimValue() : Shape.DYNAMIC;
        }
        return Shape.of(dims);
    }
}
