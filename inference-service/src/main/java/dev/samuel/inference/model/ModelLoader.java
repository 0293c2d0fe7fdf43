package dev.samuel.inference.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.samuel.contracts.registry.Sha256;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.OnnxMetadata;

/**
 * Turns downloaded bytes into a {@link ServedModel}: checks the SHA-256 against the version record, opens an
 * ORT session, checks its input and output against the spec, and warms it up on a probe batch, which also
 * tells whether a classifier's outputs are probabilities or logits. Any refusal closes the session.
 */
public final class ModelLoader {

    private final int ortThreads;

    public ModelLoader(int ortThreads) {
        this.ortThreads = ortThreads;
    }

    public ServedModel load(ModelSpec spec, VersionRecord version, byte[] artifact) throws ModelLoadException {
        verifyChecksum(version, artifact);
        var session = open(artifact, version);
        try {
            var shape = ShapeCheck.of(spec, session);
            return new ServedModel(spec, version.version(), session, warmUp(spec, session, shape));
        } catch (ModelLoadException | RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    static void verifyChecksum(VersionRecord version, byte[] artifact) throws ModelLoadException {
        var actual = Sha256.hex(artifact);
        if (!actual.equalsIgnoreCase(version.sha256())) {
            throw new ModelLoadException(LoadFailure.CHECKSUM, "artifact of " + version.model() + " version "
                    + version.version() + " has SHA-256 " + actual + ", the registry recorded " + version.sha256());
        }
    }

    private OrtSession open(byte[] artifact, VersionRecord version) throws ModelLoadException {
        try (var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(ortThreads);
            options.setInterOpNumThreads(1);
            return OrtEnvironment.getEnvironment().createSession(artifact, options);
        } catch (OrtException e) {
            throw new ModelLoadException(LoadFailure.CORRUPT, "ONNX Runtime cannot load " + version.model()
                    + " version " + version.version() + ": " + e.getMessage(), e);
        }
    }

    /** Runs the probe batch through the serving path; its outputs must be finite and of the declared width. */
    private static ModelShape warmUp(ModelSpec spec, OrtSession session, ModelShape declared) throws ModelLoadException {
        var probe = ProbeBatch.of(declared.features());
        var raw = new ModelShape(declared.input(), declared.output(), declared.features(), declared.outputs(),
                ModelShape.Scores.VALUES);
        var batch = new TensorBatch();
        batch.reset(declared.features());
        probe.forEach(batch::add);
        try {
            // A view of the session for the probe only; never released, so it never closes the session, which
            // the ServedModel returned by load() owns.
            var values = batch.run(new ServedModel(spec, 0, session, raw)).clone();
            var scores = spec.task().isClassification() ? classify(session, values, probe.size(), declared.outputs())
                    : ModelShape.Scores.VALUES;
            return new ModelShape(declared.input(), declared.output(), declared.features(), declared.outputs(), scores);
        } catch (OrtException | RuntimeException e) {
            throw new ModelLoadException(LoadFailure.WARM_UP, "the probe batch failed: " + e.getMessage(), e);
        }
    }

    private static ModelShape.Scores classify(OrtSession session, float[] values, int rows, int width)
            throws OrtException, ModelLoadException {
        for (int i = 0; i < rows * width; i++) {
            if (!Float.isFinite(values[i])) {
                throw new ModelLoadException(LoadFailure.WARM_UP, "the probe batch produced " + values[i]);
            }
        }
        // Declared by the exporter (metadata_props); without it the probe batch decides.
        String declared = session.getMetadata().getCustomMetadata().get(OnnxMetadata.SCORES);
        if (declared != null) {
            return OnnxMetadata.LOGITS.equalsIgnoreCase(declared) ? ModelShape.Scores.LOGITS : ModelShape.Scores.PROBABILITIES;
        }
        return ProbeBatch.areProbabilities(values, rows, width) ? ModelShape.Scores.PROBABILITIES
                : ModelShape.Scores.LOGITS;
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException ignored) {
            // Already refusing this model; the refusal is what gets reported.
        }
    }

    static boolean isFloatMatrix(NodeInfo info) {
        return info.getInfo() instanceof TensorInfo tensor && tensor.type == OnnxJavaType.FLOAT
                && tensor.getShape().length == 2;
    }
}
