package dev.samuel.contracts.monitoring;

import java.time.Instant;
import java.util.Map;

/**
 * A change in a served version's stream of results, on {@code samuel.drift} and keyed by the model: a detection, or
 * the retraining job it requested once enough examples followed the change.
 *
 * @param kind            {@value #DRIFT}, {@value #WARNING} or {@value #RETRAIN}
 * @param detector        the detector's name ({@code adwin}, {@code page-hinkley}, {@code ddm})
 * @param stream          what it watched: {@value #ERROR} or {@value #LOSS}
 * @param examples        the version's joined examples the detector had read
 * @param changeAgo       how many of those came after the change point, as the detector estimates it
 * @param changeOffsets   the first label after the change point in each partition of the model's train and test
 *                        topics, keyed {@code <topic>/<partition>}: where a job on the new concept starts
 * @param changeTimestamp the first label's timestamp after the change point
 * @param jobId           the job requested ({@value #RETRAIN} only)
 */
public record DriftEvent(
        String model,
        int version,
        String kind,
        String detector,
        String stream,
        Instant detectedAt,
        long examples,
        long changeAgo,
        Map<String, Long> changeOffsets,
        Instant changeTimestamp,
        String jobId) {

    public static final String DRIFT = "drift";
    public static final String WARNING = "warning";
    public static final String RETRAIN = "retrain";
    public static final String ERROR = "error";
    public static final String LOSS = "loss";

    public DriftEvent {
        changeOffsets = changeOffsets == null ? Map.of() : Map.copyOf(changeOffsets);
    }
}
