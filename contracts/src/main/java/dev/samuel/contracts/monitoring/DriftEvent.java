package dev.samuel.contracts.monitoring;

import java.time.Instant;
import java.util.Map;

/**
 * A change in a served version's stream of results, or of its inputs, on {@code samuel.drift} and keyed by the
 * model: a detection, or the retraining job it requested once enough examples followed the change.
 *
 * @param kind            {@value #DRIFT}, {@value #WARNING} or {@value #RETRAIN}
 * @param detector        the detector's name ({@code adwin}, {@code page-hinkley}, {@code ddm}; {@value #PSI} on the
 *                        inputs)
 * @param stream          what it watched: {@value #ERROR} or {@value #LOSS} (judged results), {@value #INPUT} (the
 *                        scored events' features)
 * @param examples        the version's joined examples the detector had read (scored events, on the inputs)
 * @param changeAgo       how many of those came after the change point, as the detector estimates it (on the inputs:
 *                        the window whose distribution moved)
 * @param changeOffsets   the first label after the change point in each partition of the model's train and test
 *                        topics, keyed {@code <topic>/<partition>}: where a job on the new concept starts (none on
 *                        the inputs)
 * @param changeTimestamp the first label's timestamp after the change point (on the inputs: the window's first event's)
 * @param jobId           the job requested ({@value #RETRAIN} only)
 * @param feature         on the inputs: the feature whose distribution moved most (its name in {@code input.names},
 *                        else its index); null otherwise
 * @param psi             on the inputs: that feature's population stability index over the window; null otherwise
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
        String jobId,
        String feature,
        Double psi) {

    public static final String DRIFT = "drift";
    public static final String WARNING = "warning";
    public static final String RETRAIN = "retrain";
    public static final String ERROR = "error";
    public static final String LOSS = "loss";
    public static final String INPUT = "input";
    /** The input detector: population stability index per feature against the version's training data. */
    public static final String PSI = "psi";

    public DriftEvent {
        changeOffsets = changeOffsets == null ? Map.of() : Map.copyOf(changeOffsets);
    }

    /** An event of the judged results, which name no feature. */
    public DriftEvent(String model, int version, String kind, String detector, String stream, Instant detectedAt,
                      long examples, long changeAgo, Map<String, Long> changeOffsets, Instant changeTimestamp,
                      String jobId) {
        this(model, version, kind, detector, stream, detectedAt, examples, changeAgo, changeOffsets, changeTimestamp,
                jobId, null, null);
    }
}
