package dev.samuel.inference.judge;

import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.monitoring.Judgement;
import java.util.Optional;

/**
 * Test, then train: a labelled example no prediction waited for is scored by the model's champion of the moment
 * when its label arrives, and judged by the same rule as a prediction.
 */
@FunctionalInterface
interface Prequential {

    /** The version that scored it and its judgement; empty when no version of the model is served here. */
    Optional<Scored> score(String model, ResolvedExample example);

    record Scored(int version, Judgement judgement) {
    }
}
