package dev.samuel.onnx.runtime;

/**
 * How ORT sessions run: intra-op threads (0 lets ORT use every core), weight prepacking (faster
 * inference, not bit-identical to the training graph) and whether ORT may fuse nodes into its own
 * contrib ops (several of which exist for float only, so double-precision checks turn it off).
 */
public record SessionConfig(int intraOpThreads, boolean prepacking, boolean fuseNodes) {
    public static final SessionConfig DEFAULT = new SessionConfig(0, true, true);
    public static final SessionConfig EXACT = new SessionConfig(0, false, true);
    public static final SessionConfig DOUBLE_CHECKS = new SessionConfig(1, false, false);

    public SessionConfig withThreads(int threads) {
        return new SessionConfig(threads, prepacking, fuseNodes);
    }
}
