package dev.samuel.contracts.spec;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.Map;

/**
 * How the served model's realised performance is watched (docs/model-spec.md, {@code monitoring}): how long a
 * prediction waits for its label, the windows the realised accuracy and loss are reported over, the drift detectors
 * and what a drift does; and the detector on the scored events' inputs.
 *
 * @param labelDelay       how long a prediction waits for its label; one still waiting then is counted as expired
 * @param window           joined examples in the sliding window of realised accuracy and loss
 * @param windowTime       the time window of realised accuracy and loss
 * @param drift            the detector on the served version's 0/1 error (the {@code drift} library reads it;
 *                         absent: ADWIN with delta 0.002); its drift starts a job when {@code retrainOnDrift}
 * @param lossDrift        the detector on the served version's loss (absent: Page-Hinkley); reported, never a job
 * @param retrainOnDrift   whether a drift of the error detector requests a job (trigger {@code drift})
 * @param driftMinExamples joined examples after the change point before that job is requested
 * @param driftCooldown    joined examples of the version that job serves before another drift may request a job
 * @param inputDrift       the detector on the served version's inputs (absent: {@link InputDrift#DEFAULT})
 */
public record Monitoring(
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration labelDelay,
        Integer window,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration windowTime,
        Map<String, Object> drift,
        Map<String, Object> lossDrift,
        Boolean retrainOnDrift,
        Long driftMinExamples,
        Long driftCooldown,
        // Written only when it is not the default, so that a spec's monitoring block keeps its JSON, and its hash.
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = InputDrift.IsDefault.class)
        InputDrift inputDrift) {

    public static final Monitoring DEFAULT = new Monitoring(null, null, null, null, null, null, null, null, null);

    public Monitoring {
        labelDelay = labelDelay == null ? Duration.ofDays(1) : labelDelay;
        window = window == null ? 1000 : window;
        windowTime = windowTime == null ? Duration.ofMinutes(5) : windowTime;
        drift = drift == null ? Map.of() : Map.copyOf(drift);
        lossDrift = lossDrift == null ? Map.of("detector", "page-hinkley") : Map.copyOf(lossDrift);
        retrainOnDrift = retrainOnDrift == null || retrainOnDrift;
        driftMinExamples = driftMinExamples == null ? 500L : driftMinExamples;
        driftCooldown = driftCooldown == null ? 1000L : driftCooldown;
        inputDrift = inputDrift == null ? InputDrift.DEFAULT : inputDrift;
    }

    /** As written before {@code inputDrift} existed. */
    public Monitoring(Duration labelDelay, Integer window, Duration windowTime, Map<String, Object> drift,
                      Map<String, Object> lossDrift, Boolean retrainOnDrift, Long driftMinExamples, Long driftCooldown) {
        this(labelDelay, window, windowTime, drift, lossDrift, retrainOnDrift, driftMinExamples, driftCooldown, null);
    }

    /**
     * The served version's inputs against its training data's (docs/model-spec.md, {@code monitoring.inputDrift}):
     * every scored event's features are binned by the version's input summary, and each feature's population
     * stability index over the last {@code window} events is reported.
     *
     * @param window    scored events in the sliding window the PSI is computed over
     * @param threshold the PSI above which a feature's distribution has moved: a drift event (0.25, the usual line
     *                  of a significant shift)
     * @param retrain   whether such a drift also requests a job (trigger {@code inputDrift}) on the data from the
     *                  window's first event; once per served version
     */
    public record InputDrift(Integer window, Double threshold, Boolean retrain) {

        public static final InputDrift DEFAULT = new InputDrift(null, null, null);
        /** The least window: a PSI over fewer events is mostly noise. */
        public static final int MIN_WINDOW = 100;
        /** The largest window: inference keeps each event's bins in it, up to a byte per feature (10 MB at most). */
        public static final int MAX_WINDOW = 100_000;

        public InputDrift {
            window = window == null ? 1000 : window;
            threshold = threshold == null ? 0.25 : threshold;
            retrain = retrain != null && retrain;
        }

        /** Jackson's filter for the default block: "equal" to it means left out. */
        public static final class IsDefault {

            @Override
            public boolean equals(Object value) {
                return DEFAULT.equals(value);
            }

            @Override
            public int hashCode() {
                return DEFAULT.hashCode();
            }
        }
    }

    /** Jackson's filter for the default block: "equal" to it means left out. */
    public static final class IsDefault {

        @Override
        public boolean equals(Object value) {
            return DEFAULT.equals(value);
        }

        @Override
        public int hashCode() {
            return DEFAULT.hashCode();
        }
    }
}
