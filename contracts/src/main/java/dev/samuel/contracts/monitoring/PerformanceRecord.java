package dev.samuel.contracts.monitoring;

import java.time.Instant;

/**
 * One labelled example judged against the prediction the served model made for it, on {@code M.performance} and
 * keyed by the model, so that all of a model's results reach one detector (docs/design.md, realised performance).
 *
 * @param id          the example's id: the key of the labelled record and of the event
 * @param version     the version that made the prediction
 * @param prequential true when no prediction was waiting (never scored, or its label came first): the champion of
 *                    the moment scored the labelled features when the label arrived (test, then train)
 * @param loss        the spec's loss of that prediction against the label
 * @param correct     whether a classifier predicted the label's class; null for a regression
 * @param error       what the error detector reads: 0 or 1 (a classifier's miss; a regression's squared error above
 *                    its version's holdout 90th percentile), null where the version has no such percentile
 * @param labelDelayMs from the event to its label (record timestamps); null for a prequential result
 * @param topic       where the label is: the model's train or test topic, its partition and offset
 * @param labelledAt  the label record's timestamp
 */
public record PerformanceRecord(
        String id,
        String model,
        int version,
        boolean prequential,
        double loss,
        Boolean correct,
        Double error,
        Long labelDelayMs,
        String topic,
        int partition,
        long offset,
        Instant labelledAt) {
}
