package dev.samuel.registry.validate;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.samuel.contracts.spec.ModelSpec;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * Decides whether uploaded bytes may become a version of a model: within the size limit, a self-contained
 * ONNX model that ONNX Runtime loads, with one float input of {@code [batch, input.features]}, and a first
 * output of {@code [batch, outputWidth]}. A batch of one zero row is run through it, because a model can
 * declare the right shapes and still fail, or produce other ones, when run.
 */
public final class ModelValidator {

    private final long maxBytes;

    public ModelValidator(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Returns normally when the model fits the spec; otherwise throws {@link InvalidModelException} naming the problem. */
    public void validate(ModelSpec spec, byte[] bytes) {
        checkSize(bytes);
        OnnxStructure.requireSelfContained(OnnxStructure.parse(bytes));
        var environment = OrtEnvironment.getEnvironment();
        try (var options = new OrtSession.SessionOptions()) {
            // Validation runs next to request handling on small machines: one thread is plenty for one row.
            options.setIntraOpNumThreads(1);
            try (var session = load(environment, bytes, options)) {
                var input = checkInput(session, spec.input().featureCount());
                checkDeclaredOutput(session, spec.outputWidth());
                dryRun(environment, session, input, spec);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to set up a session: " + e.getMessage(), e);
        }
    }

    private void checkSize(byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidModelException(InvalidModelException.EMPTY, "the upload is empty");
        }
        if (bytes.length > maxBytes) {
            throw new InvalidModelException(InvalidModelException.TOO_LARGE, "the model is " + bytes.length
                    + " bytes, over the limit of " + maxBytes + " bytes (samuel.registry.max-artifact-bytes)");
        }
    }

    private static OrtSession load(OrtEnvironment environment, byte[] bytes, OrtSession.SessionOptions options) {
        try {
            return environment.createSession(bytes, options);
        } catch (OrtException e) {
            throw new InvalidModelException(InvalidModelException.NOT_LOADABLE,
                    "ONNX Runtime cannot load the model: " + e.getMessage());
        }
    }

    private static String checkInput(OrtSession session, int features) throws OrtException {
        var inputs = session.getInputInfo();
        if (inputs.size() != 1) {
            throw inputMismatch("the model has " + inputs.size() + " inputs " + inputs.keySet()
                    + "; it must have exactly one, the feature batch");
        }
        var input = inputs.values().iterator().next();
        var shape = floatShape(input, "input");
        if (shape.length != 2 || (shape[1] >= 0 && shape[1] != features)) {
            throw inputMismatch("input '" + input.getName() + "' has shape " + Arrays.toString(shape)
                    + "; the spec needs [batch, " + features + "] (input.features)");
        }
        return input.getName();
    }

    private static void checkDeclaredOutput(OrtSession session, int width) throws OrtException {
        var outputs = session.getOutputInfo();
        // ONNX Runtime loads a graph without outputs; taking the first of none answered 500.
        if (outputs.isEmpty()) {
            throw outputMismatch("the model has no outputs; its first output must be [batch, " + width + "]");
        }
        var output = outputs.values().iterator().next();
        var shape = floatShape(output, "output");
        if (shape.length != 2 || (shape[1] >= 0 && shape[1] != width)) {
            throw outputMismatch("output '" + output.getName() + "' has shape " + Arrays.toString(shape)
                    + "; the spec needs [batch, " + width + "] (its last dense layer)");
        }
    }

    private static void dryRun(OrtEnvironment environment, OrtSession session, String input, ModelSpec spec) {
        int features = spec.input().featureCount();
        long[] produced;
        try (var batch = OnnxTensor.createTensor(environment, FloatBuffer.allocate(features), new long[] {1, features});
             var result = session.run(Map.of(input, batch))) {
            produced = ((TensorInfo) result.get(0).getInfo()).getShape();
        } catch (OrtException e) {
            throw new InvalidModelException(InvalidModelException.FAILS_TO_RUN,
                    "the model fails on a batch of one row of " + features + " features: " + e.getMessage());
        }
        if (!Arrays.equals(produced, new long[] {1, spec.outputWidth()})) {
            throw outputMismatch("a batch of one row produced an output of shape " + Arrays.toString(produced)
                    + "; the spec needs [1, " + spec.outputWidth() + "]");
        }
    }

    private static long[] floatShape(NodeInfo node, String role) {
        if (!(node.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
            var problem = role + " '" + node.getName() + "' is " + node.getInfo() + "; it must be a float32 tensor";
            throw "input".equals(role) ? inputMismatch(problem) : outputMismatch(problem);
        }
        return tensor.getShape();
    }

    private static InvalidModelException inputMismatch(String message) {
        return new InvalidModelException(InvalidModelException.INPUT_MISMATCH, message);
    }

    private static InvalidModelException outputMismatch(String message) {
        return new InvalidModelException(InvalidModelException.OUTPUT_MISMATCH, message);
    }
}
