package dev.samuel.registry.validate;

import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.model.ProgramSignature;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.programs.Program;
import dev.samuel.programs.ProgramReader;
import dev.samuel.programs.ProgramRefusedException;
import java.util.Optional;

/**
 * Decides whether uploaded bytes may become a version of a model, and reads the program's signature, once, for
 * the version record: within the size limit, a self-contained ONNX model that ONNX Runtime loads and that fits the
 * model's contract ({@link ProgramReader}: one float input {@code [batch, input.features]}, an output of the width
 * and kind the spec needs, finite outputs on the probe rows).
 */
public final class ModelValidator {

    private final long maxBytes;

    public ModelValidator(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The program's signature when it fits the spec; otherwise an {@link InvalidModelException} naming the problem.
     * {@code declared} is what the importer said its output holds, if anything.
     */
    public ProgramSignature validate(ModelSpec spec, byte[] bytes, Optional<OutputKind> declared) {
        checkSize(bytes);
        OnnxStructure.requireSelfContained(OnnxStructure.parse(bytes));
        // Validation runs next to request handling on small machines: one thread is plenty for the probe rows.
        try (var program = Program.open(bytes, 1)) {
            return ProgramReader.read(program, spec, declared).program();
        } catch (ProgramRefusedException e) {
            throw new InvalidModelException(e.reason().code(), e.getMessage());
        }
    }

    private void checkSize(byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidModelException(InvalidModelException.EMPTY, "the upload is empty");
        }
        if (bytes.length > maxBytes) {
            throw new InvalidModelException(InvalidModelException.TOO_LARGE, "the model is " + bytes.length
                    + " bytes, over the limit of " + maxBytes + " bytes (samuel.registry.artifacts.max-bytes)");
        }
    }
}
