package dev.samuel.contracts.spec;

import dev.samuel.drift.DriftSettings;
import dev.samuel.drift.InvalidDriftParameterException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The problems of a spec's {@code monitoring} block, each naming its field; the drift blocks read as the judge reads them. */
final class MonitoringCheck {

    private MonitoringCheck() {
    }

    static List<String> problems(Monitoring monitoring) {
        var problems = new ArrayList<String>();
        positive(problems, "monitoring.labelDelay", monitoring.labelDelay());
        positive(problems, "monitoring.windowTime", monitoring.windowTime());
        if (monitoring.window() < 1) {
            problems.add("monitoring.window must be >= 1 joined example, got " + monitoring.window());
        }
        if (monitoring.driftMinExamples() < 0) {
            problems.add("monitoring.driftMinExamples must be >= 0, got " + monitoring.driftMinExamples());
        }
        if (monitoring.driftCooldown() < 0) {
            problems.add("monitoring.driftCooldown must be >= 0, got " + monitoring.driftCooldown());
        }
        detector(problems, "monitoring.drift", monitoring.drift());
        detector(problems, "monitoring.lossDrift", monitoring.lossDrift());
        var inputs = monitoring.inputDrift();
        if (inputs.window() < Monitoring.InputDrift.MIN_WINDOW || inputs.window() > Monitoring.InputDrift.MAX_WINDOW) {
            problems.add("monitoring.inputDrift.window must be " + Monitoring.InputDrift.MIN_WINDOW + " to "
                    + Monitoring.InputDrift.MAX_WINDOW + " scored events (a PSI over fewer is mostly noise), got "
                    + inputs.window());
        }
        if (!(inputs.threshold() > 0) || inputs.threshold().isInfinite()) {
            problems.add("monitoring.inputDrift.threshold must be a positive PSI (0.25 is a significant shift), got "
                    + inputs.threshold());
        }
        return problems;
    }

    private static void positive(List<String> problems, String field, Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            problems.add(field + " must be a positive duration, got " + duration);
        }
    }

    private static void detector(List<String> problems, String field, Map<String, Object> block) {
        try {
            DriftSettings.of(block);
        } catch (InvalidDriftParameterException e) {
            problems.add(field + "." + e.parameter() + ": " + e.problem());
        }
    }
}
