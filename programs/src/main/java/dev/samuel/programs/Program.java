package dev.samuel.programs;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;

/**
 * One ONNX program opened in ONNX Runtime: the only owner of its session, closed by {@link #close()}. Read its
 * {@link dev.samuel.contracts.model.ProgramSignature} with {@link ProgramReader} and run rows with {@link RowBatch}.
 */
public final class Program implements AutoCloseable {

    static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();

    private final OrtSession session;
    private final Map<String, String> metadata;

    private Program(OrtSession session, Map<String, String> metadata) {
        this.session = session;
        this.metadata = Map.copyOf(metadata);
    }

    /**
     * Opens the bytes with {@code threads} intra-op threads (0: ONNX Runtime's default, every core) and one
     * inter-op thread; bytes ONNX Runtime cannot load are refused as {@code NOT_LOADABLE}.
     */
    public static Program open(byte[] onnx, int threads) {
        try (var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            var session = ENVIRONMENT.createSession(onnx, options);
            try {
                return new Program(session, session.getMetadata().getCustomMetadata());
            } catch (OrtException | RuntimeException e) {
                session.close();
                throw e;
            }
        } catch (OrtException e) {
            throw new ProgramRefusedException(ProgramRefusedException.Reason.NOT_LOADABLE,
                    "ONNX Runtime cannot load the program: " + e.getMessage(), e);
        }
    }

    /** The program's {@code metadata_props}. */
    public Map<String, String> metadata() {
        return metadata;
    }

    OrtSession session() {
        return session;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing an ONNX Runtime session failed: " + e.getMessage(), e);
        }
    }
}
