package dev.samuel.trainer.jobs;

import dev.samuel.contracts.model.ModelSignature;
import dev.samuel.contracts.model.ProgramSignature;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.programs.HoldoutScore;
import dev.samuel.programs.Program;
import dev.samuel.programs.ProgramReader;
import dev.samuel.trainer.data.ExampleSet;
import java.util.Optional;

/**
 * Scores a program on the holdout as inference runs it, judged by the model's contract: the signature the registry
 * recorded for the version, or, for a candidate not registered yet and for versions registered before signatures
 * were recorded, the one read from the program by the same rule.
 */
public final class HoldoutEvaluator {

    /** Examples read from disk at a time: the holdout need not fit in memory. */
    private static final int CHUNK = 4096;

    private HoldoutEvaluator() {
    }

    public static HoldoutScore score(byte[] program, ModelSpec spec, Optional<ProgramSignature> recorded,
                                     ExampleSet holdout) {
        try (var opened = Program.open(program, 0)) {
            var signature = recorded.map(known -> ModelSignature.of(spec, known))
                    .orElseGet(() -> ProgramReader.read(opened, spec, Optional.empty()));
            return HoldoutScore.of(opened, signature, holdout.chunks(CHUNK), holdout.size());
        }
    }
}
