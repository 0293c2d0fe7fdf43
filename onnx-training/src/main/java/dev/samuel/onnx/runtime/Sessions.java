package dev.samuel.onnx.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.samuel.onnx.graph.GraphException;

/** Creating ORT sessions the same way everywhere: one environment, explicit threads, optional prepacking. */
public final class Sessions {
    private Sessions() {
    }

    /** The process-wide environment; warnings off (ORT logs unused initializers it removes, by design here). */
    public static OrtEnvironment env() {
        return OrtEnvironment.getEnvironment(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "samuel");
    }

    /**
     * A session over ONNX bytes. Without prepacking, a frozen model computes bit for bit what the training
     * graph computed (prepacked weights change the summation order, about 3e-6 apart).
     */
    public static OrtSession open(byte[] model, SessionConfig config) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(config.intraOpThreads());
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(config.fuseNodes()
                    ? OrtSession.SessionOptions.OptLevel.ALL_OPT : OrtSession.SessionOptions.OptLevel.BASIC_OPT);
            if (!config.prepacking()) {
                options.addConfigEntry("session.disable_prepacking", "1");
            }
            return env().createSession(model, options);
        } catch (OrtException e) {
            throw new GraphException("ONNX Runtime refused the model: " + e.getMessage(), e);
        }
    }

    public static OrtSession open(byte[] model) {
        return open(model, SessionConfig.DEFAULT);
    }
}
