package dev.samuel.driftref;

import dev.samuel.drift.ErrorStreams;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Prints where MOA 2024.07.0's ADWIN and DDM alarm on the streams of drift's unit tests, beside ours: the reference
 * positions that {@code AdwinTest} and {@code DdmTest} pin. Run it after changing a stream of those tests:
 * {@code bench/drift-detectors.sh --reference}.
 */
public final class ReferenceAlarms {

    private ReferenceAlarms() {
    }

    public static void main(String[] args) {
        for (long seed = 1; seed <= 3; seed++) {
            compare("ADWIN, piecewise(" + seed + ", 20000, 0.1, 0.3, 0.1, 0.3)", AlarmSource.ours(),
                    AlarmSource.moa(), ErrorStreams.piecewise(seed, 20_000, 0.1, 0.3, 0.1, 0.3));
        }
        // AdwinTest's stationary streams (no alarm on either side), and the first seed at 30 % with false alarms.
        for (double rate : new double[] {0.1, 0.3}) {
            for (long seed = 1; seed <= 10; seed++) {
                compare("ADWIN, bernoulli(" + seed + ", " + rate + ", 100000)", AlarmSource.ours(), AlarmSource.moa(),
                        ErrorStreams.bernoulli(seed, rate, 100_000));
            }
        }
        compare("ADWIN, bernoulli(13, 0.3, 100000)", AlarmSource.ours(), AlarmSource.moa(),
                ErrorStreams.bernoulli(13, 0.3, 100_000));
        for (long seed = 1; seed <= 3; seed++) {
            compare("DDM, piecewise(" + seed + ", 10000, 0.1, 0.3)", AlarmSource.oursDdm(), AlarmSource.moaDdm(),
                    ErrorStreams.piecewise(seed, 10_000, 0.1, 0.3));
            compare("DDM, bernoulli(" + seed + ", 0.1, 100000)", AlarmSource.oursDdm(), AlarmSource.moaDdm(),
                    ErrorStreams.bernoulli(seed, 0.1, 100_000));
        }
    }

    private static void compare(String stream, Supplier<AlarmSource> ours, Supplier<AlarmSource> moa,
                                double[] values) {
        long[] oursAlarms = AlarmSource.alarms(ours, values);
        long[] moaAlarms = AlarmSource.alarms(moa, values);
        System.out.printf("%s: moa %s, ours %s%s%n", stream, Arrays.toString(moaAlarms), Arrays.toString(oursAlarms),
                Arrays.equals(oursAlarms, moaAlarms) ? "" : "  DIFFERENT");
    }
}
