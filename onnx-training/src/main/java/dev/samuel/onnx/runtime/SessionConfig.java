package dev.samuel.onnx.runtime;

/**
 * How ORT sessions run: intra-op threads (0 lets ORT use every core) and weight prepacking (faster
 * inference, not bit-identical to the training graph).
 */
public record SessionConfig(int intraOpThreads, boolean prepacking) {
    public static final SessionConfig DEFAULT = new SessionConfig(0, true);
    public static final SessionConfig EXACT = new SessionConfig(0, false);

    public SessionConfig withThreads(int threads) {
        return new SessionConfig(threads, prepacking);
    }
}
