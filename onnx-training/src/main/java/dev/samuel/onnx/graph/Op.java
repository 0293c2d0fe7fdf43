package dev.samuel.onnx.graph;

import static dev.samuel.onnx.graph.AttrSpec.opt;
import static dev.samuel.onnx.graph.AttrSpec.req;
import static dev.samuel.onnx.graph.AttrType.FLOAT;
import static dev.samuel.onnx.graph.AttrType.INT;
import static dev.samuel.onnx.graph.AttrType.INTS;
import static dev.samuel.onnx.graph.AttrType.STRING;
import static dev.samuel.onnx.graph.AttrType.STRINGS;
import static dev.samuel.onnx.graph.AttrType.TENSOR;

import java.util.List;
import java.util.Optional;

/**
 * The standard ONNX ops (default domain) this library writes and reads, at {@link #OPSET}. Each knows
 * its input and output counts and its attributes, so a malformed node fails when it is built, not when
 * ONNX Runtime loads the model. Signatures are those of opset 17: ReduceSum, Unsqueeze and Squeeze take
 * axes as an input (since 13), ReduceMean, ReduceMax and ReduceSumSquare as an attribute (until 18).
 */
public enum Op {
    // Linear algebra and arithmetic
    GEMM("Gemm", 2, 3, 1, 1, opt("alpha", FLOAT), opt("beta", FLOAT), opt("transA", INT), opt("transB", INT)),
    MATMUL("MatMul", 2, 2),
    ADD("Add", 2, 2),
    SUB("Sub", 2, 2),
    MUL("Mul", 2, 2),
    DIV("Div", 2, 2),
    POW("Pow", 2, 2),
    NEG("Neg", 1, 1),
    ABS("Abs", 1, 1),
    RECIPROCAL("Reciprocal", 1, 1),
    EXP("Exp", 1, 1),
    LOG("Log", 1, 1),
    SQRT("Sqrt", 1, 1),
    SUM("Sum", 1, Integer.MAX_VALUE),
    MIN("Min", 1, Integer.MAX_VALUE),
    MAX("Max", 1, Integer.MAX_VALUE),
    // Convolution, pooling, normalisation (auto_pad other than NOTSET is refused by shape inference)
    CONV("Conv", 2, 3, 1, 1, opt("kernel_shape", INTS), opt("strides", INTS), opt("pads", INTS),
            opt("dilations", INTS), opt("group", INT), opt("auto_pad", STRING)),
    CONV_TRANSPOSE("ConvTranspose", 2, 3, 1, 1, opt("kernel_shape", INTS), opt("strides", INTS), opt("pads", INTS),
            opt("dilations", INTS), opt("group", INT), opt("output_padding", INTS), opt("auto_pad", STRING)),
    MAX_POOL("MaxPool", 1, 1, 1, 2, req("kernel_shape", INTS), opt("strides", INTS), opt("pads", INTS),
            opt("dilations", INTS), opt("ceil_mode", INT), opt("storage_order", INT), opt("auto_pad", STRING)),
    AVERAGE_POOL("AveragePool", 1, 1, 1, 1, req("kernel_shape", INTS), opt("strides", INTS), opt("pads", INTS),
            opt("ceil_mode", INT), opt("count_include_pad", INT), opt("auto_pad", STRING)),
    GLOBAL_AVERAGE_POOL("GlobalAveragePool", 1, 1),
    BATCH_NORMALIZATION("BatchNormalization", 5, 5, 1, 3, opt("epsilon", FLOAT), opt("momentum", FLOAT),
            opt("training_mode", INT)),
    PAD("Pad", 2, 3, 1, 1, opt("mode", STRING)),
    SLICE("Slice", 3, 5),
    SCATTER_ELEMENTS("ScatterElements", 3, 3, 1, 1, opt("axis", INT), opt("reduction", STRING)),
    SCATTER_ND("ScatterND", 3, 3, 1, 1, opt("reduction", STRING)),
    // Activations
    RELU("Relu", 1, 1),
    LEAKY_RELU("LeakyRelu", 1, 1, 1, 1, opt("alpha", FLOAT)),
    SIGMOID("Sigmoid", 1, 1),
    TANH("Tanh", 1, 1),
    SOFTMAX("Softmax", 1, 1, 1, 1, opt("axis", INT)),
    LOG_SOFTMAX("LogSoftmax", 1, 1, 1, 1, opt("axis", INT)),
    DROPOUT("Dropout", 1, 3, 1, 2, opt("seed", INT)),
    // Shapes and layout
    IDENTITY("Identity", 1, 1),
    RESHAPE("Reshape", 2, 2, 1, 1, opt("allowzero", INT)),
    FLATTEN("Flatten", 1, 1, 1, 1, opt("axis", INT)),
    TRANSPOSE("Transpose", 1, 1, 1, 1, opt("perm", INTS)),
    CONCAT("Concat", 1, Integer.MAX_VALUE, 1, 1, req("axis", INT)),
    SPLIT("Split", 2, 2, 1, Integer.MAX_VALUE, opt("axis", INT)),
    UNSQUEEZE("Unsqueeze", 2, 2),
    SQUEEZE("Squeeze", 1, 2),
    EXPAND("Expand", 2, 2),
    SPACE_TO_DEPTH("SpaceToDepth", 1, 1, 1, 1, req("blocksize", INT)),
    DEPTH_TO_SPACE("DepthToSpace", 1, 1, 1, 1, req("blocksize", INT), opt("mode", STRING)),
    SIZE("Size", 1, 1),
    SHAPE("Shape", 1, 1, 1, 1, opt("start", INT), opt("end", INT)),
    CAST("Cast", 1, 1, 1, 1, req("to", INT)),
    CONSTANT_OF_SHAPE("ConstantOfShape", 1, 1, 1, 1, opt("value", TENSOR)),
    // Reductions
    REDUCE_SUM("ReduceSum", 1, 2, 1, 1, opt("keepdims", INT), opt("noop_with_empty_axes", INT)),
    REDUCE_MEAN("ReduceMean", 1, 1, 1, 1, opt("axes", INTS), opt("keepdims", INT)),
    REDUCE_MAX("ReduceMax", 1, 1, 1, 1, opt("axes", INTS), opt("keepdims", INT)),
    REDUCE_SUM_SQUARE("ReduceSumSquare", 1, 1, 1, 1, opt("axes", INTS), opt("keepdims", INT)),
    ARG_MAX("ArgMax", 1, 1, 1, 1, opt("axis", INT), opt("keepdims", INT), opt("select_last_index", INT)),
    // Comparisons and selection
    EQUAL("Equal", 2, 2),
    GREATER("Greater", 2, 2),
    LESS("Less", 2, 2),
    AND("And", 2, 2),
    NOT("Not", 1, 1),
    IS_NAN("IsNaN", 1, 1),
    GATHER("Gather", 2, 2, 1, 1, opt("axis", INT)),
    WHERE("Where", 3, 3),

    // ONNX-ML (domain ai.onnx.ml, opset ML_OPSET): strings to category indices
    LABEL_ENCODER("LabelEncoder", "ai.onnx.ml", 1, 1, 1, 1, opt("keys_strings", STRINGS), opt("values_int64s", INTS),
            opt("default_int64", INT));

    /** The one opset every graph is written at. */
    public static final int OPSET = 17;
    /** The ONNX-ML opset of the ops of {@link #ML_DOMAIN}: LabelEncoder 2 maps strings to int64 by attribute lists. */
    public static final int ML_OPSET = 2;

    public static final String ML_DOMAIN = "ai.onnx.ml";
    private static final String DEFAULT_DOMAIN = "";

    private final String onnxName;
    private final String domain;
    private final int minInputs;
    private final int maxInputs;
    private final int minOutputs;
    private final int maxOutputs;
    private final List<AttrSpec> attributes;

    Op(String onnxName, int minInputs, int maxInputs) {
        this(onnxName, minInputs, maxInputs, 1, 1);
    }

    Op(String onnxName, int minInputs, int maxInputs, int minOutputs, int maxOutputs, AttrSpec... attributes) {
        this(onnxName, DEFAULT_DOMAIN, minInputs, maxInputs, minOutputs, maxOutputs, attributes);
    }

    Op(String onnxName, String domain, int minInputs, int maxInputs, int minOutputs, int maxOutputs,
       AttrSpec... attributes) {
        this.onnxName = onnxName;
        this.domain = domain;
        this.minInputs = minInputs;
        this.maxInputs = maxInputs;
        this.minOutputs = minOutputs;
        this.maxOutputs = maxOutputs;
        this.attributes = List.of(attributes);
    }

    public String onnxName() {
        return onnxName;
    }

    /** The operator set's domain: "" for the standard ops, {@link #ML_DOMAIN} for ONNX-ML. */
    public String domain() {
        return domain;
    }

    public int minInputs() {
        return minInputs;
    }

    public int maxInputs() {
        return maxInputs;
    }

    public int minOutputs() {
        return minOutputs;
    }

    public int maxOutputs() {
        return maxOutputs;
    }

    public List<AttrSpec> attributes() {
        return attributes;
    }

    public Optional<AttrSpec> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public static Optional<Op> byOnnxName(String name) {
        for (Op op : values()) {
            if (op.onnxName.equals(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
