package dev.samuel.inference.model;

import dev.samuel.contracts.model.ModelSignature;
import dev.samuel.contracts.model.SignatureMismatchException;
import dev.samuel.contracts.registry.Sha256;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.programs.Probe;
import dev.samuel.programs.Program;
import dev.samuel.programs.ProgramReader;
import dev.samuel.programs.ProgramRefusedException;
import java.util.Optional;

/**
 * Turns downloaded bytes into a {@link ServedModel}: checks the SHA-256 against the version record, opens the
 * program, joins its signature (as the registry recorded it; read by the same rule for versions registered before
 * signatures were recorded) to the current spec, and runs the probe rows through it before it serves. Any refusal
 * closes the program.
 */
public final class ModelLoader {

    private final int ortThreads;

    public ModelLoader(int ortThreads) {
        this.ortThreads = ortThreads;
    }

    public ServedModel load(ModelSpec spec, VersionRecord version, byte[] artifact) throws ModelLoadException {
        verifyChecksum(version, artifact);
        var program = open(artifact, version);
        try {
            var signature = signature(spec, version, program);
            Probe.check(program, signature.program());
            return new ServedModel(spec, version.version(), program, signature);
        } catch (ProgramRefusedException e) {
            program.close();
            throw new ModelLoadException(failure(e.reason()), describe(version) + ": " + e.getMessage(), e);
        } catch (SignatureMismatchException e) {
            program.close();
            throw new ModelLoadException(LoadFailure.SHAPE, describe(version) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            program.close();
            throw e;
        }
    }

    static void verifyChecksum(VersionRecord version, byte[] artifact) throws ModelLoadException {
        var actual = Sha256.hex(artifact);
        if (!actual.equalsIgnoreCase(version.sha256())) {
            throw new ModelLoadException(LoadFailure.CHECKSUM, "artifact of " + describe(version) + " has SHA-256 "
                    + actual + ", the registry recorded " + version.sha256());
        }
    }

    private Program open(byte[] artifact, VersionRecord version) throws ModelLoadException {
        try {
            return Program.open(artifact, ortThreads);
        } catch (ProgramRefusedException e) {
            throw new ModelLoadException(LoadFailure.CORRUPT, describe(version) + ": " + e.getMessage(), e);
        }
    }

    private static ModelSignature signature(ModelSpec spec, VersionRecord version, Program program) {
        return version.program() != null ? ModelSignature.of(spec, version.program())
                : ProgramReader.read(program, spec, Optional.empty());
    }

    private static LoadFailure failure(ProgramRefusedException.Reason reason) {
        return switch (reason) {
            case NOT_LOADABLE -> LoadFailure.CORRUPT;
            case FAILS_TO_RUN -> LoadFailure.WARM_UP;
            case INPUT_MISMATCH, OUTPUT_MISMATCH, OUTPUT_KIND -> LoadFailure.SHAPE;
        };
    }

    private static String describe(VersionRecord version) {
        return version.model() + " version " + version.version();
    }
}
