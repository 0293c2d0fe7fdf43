package dev.samuel.contracts.spec;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.util.Map;

/**
 * How the served model's realised performance is watched (docs/model-spec.md, {@code monitoring}): how long a
 * prediction waits for its label, the windows the realised accuracy and loss are reported over, the drift detectors
 * and what a drift does.
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
 */
public record Monitoring(
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration labelDelay,
        Integer window,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration windowTime,
        Map<String, Object> drift,
        Map<String, Object> lossDrift,
        Boolean retrainOnDrift,
        Long driftMinExamples,
        Long driftCooldown) {

    public static final Monitoring DEFAULT = new Monitoring(null, null, null, null, null, null, null, null);

    public Monitoring {
        labelDelay = labelDelay == null ? Duration.ofDays(1) : labelDelay;
        window = window == null ? 1000 : window;
        windowTime = windowTime == null ? Duration.ofMinutes(5) : windowTime;
        drift = drift == null ? Map.of() : Map.copyOf(drift);
        lossDrift = lossDrift == null ? Map.of("detector", "page-hinkley") : Map.copyOf(lossDrift);
        retrainOnDrift = retrainOnDrift == null || retrainOnDrift;
        driftMinExamples = driftMinExamples == null ? 500L : driftMinExamples;
        driftCooldown = driftCooldown == null ? 1000L : driftCooldown;
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
