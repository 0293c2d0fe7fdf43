package dev.samuel.testkit.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.Random;

/** The ONNX protobuf pieces exporters write, for the programs of this package. */
final class Protos {

    static final int FLOAT = TensorProto.DataType.FLOAT.getNumber();

    private Protos() {
    }

    /** A float tensor [batch, dims...] with a symbolic batch dimension, as exporters declare their inputs and outputs. */
    static ValueInfoProto info(String name, long... dims) {
        var shape = TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(FLOAT).setShape(shape))).build();
    }

    /** Uniform in +-bound: how PyTorch initialises Linear and Conv layers (bound 1/sqrt(fan in)). */
    static TensorProto uniform(String name, Random rng, double bound, long... dims) {
        var t = TensorProto.newBuilder().setName(name).setDataType(FLOAT);
        long n = 1;
        for (long d : dims) {
            t.addDims(d);
            n *= d;
        }
        for (long i = 0; i < n; i++) {
            t.addFloatData((float) ((2 * rng.nextDouble() - 1) * bound));
        }
        return t.build();
    }

    static TensorProto filled(String name, float value, long n) {
        var t = TensorProto.newBuilder().setName(name).setDataType(FLOAT).addDims(n);
        for (long i = 0; i < n; i++) {
            t.addFloatData(value);
        }
        return t.build();
    }

    /** {@code nn.Linear} as the exporter writes it: weights [out, in], so {@code transB=1}. */
    static NodeProto gemm(String name, String a, String w, String bias, String out) {
        return NodeProto.newBuilder().setName(name).setOpType("Gemm").addInput(a).addInput(w).addInput(bias).addOutput(out)
                .addAttribute(AttributeProto.newBuilder().setName("alpha").setType(AttributeProto.AttributeType.FLOAT).setF(1f))
                .addAttribute(AttributeProto.newBuilder().setName("beta").setType(AttributeProto.AttributeType.FLOAT).setF(1f))
                .addAttribute(integer("transB", 1))
                .build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto ints(String name, long... values) {
        var a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    /** A Constant node holding a tensor, as the TorchScript exporter writes literals. */
    static NodeProto constant(String output, TensorProto.Builder value) {
        return NodeProto.newBuilder().setName("/" + output).setOpType("Constant").addOutput(output)
                .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                        .setT(value))
                .build();
    }

    static ModelProto.Builder model(GraphProto.Builder g, String producer, String version) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName(producer).setProducerVersion(version)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(g);
    }
}
