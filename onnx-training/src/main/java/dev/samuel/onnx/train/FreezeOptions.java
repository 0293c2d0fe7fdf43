package dev.samuel.onnx.train;

/**
 * How a forward model is frozen.
 *
 * <p>{@code foldStandardization}: when the graph standardises its input and feeds the result to nothing but
 * a first dense layer, {@code Gemm((x - mean) / std, W, b)}, the frozen program computes {@code Gemm(x, W', b')}
 * with {@code W' = W / std} (per input feature) and {@code b' = b - (mean / std) W}, computed in double
 * precision from the float values and rounded to float once. It is the same function up to float rounding and
 * still takes raw features, but skips two element-wise passes over the batch before the first layer. Graphs of
 * any other shape (standardisation off, a first layer that is not a Gemm, imported models, a standard deviation
 * of 0 or not finite) are frozen as they are. Off, the frozen program is the training forward graph itself and
 * reproduces the training session's outputs bit for bit (ORT prepacking off).
 */
public record FreezeOptions(boolean foldStandardization) {
    /** What ships: the standardisation folded into the first layer where the graph allows it. */
    public static final FreezeOptions DEFAULT = new FreezeOptions(true);
    /** The training forward graph as it is, bit-exact against the training session. */
    public static final FreezeOptions AS_TRAINED = new FreezeOptions(false);
}
