package dev.samuel.driftref;

import dev.samuel.drift.ErrorStreams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * bench/run drift, the reference half: MOA 2024.07.0's ADWIN fed the very 0/1 error streams the platform's drift
 * watch read in the platform half (one per change: the results of the version serving it, in order), with the same
 * delay rule, the first alarm at or after the change's first result, counted from where the change is counted (its
 * middle, for a gradual one); our ADWIN is fed them too, off the platform, as a check that the platform's alarms are
 * the detector's. Then both fed directly a stationary stream of 1,000,000 inputs at a 10 % error rate: every alarm
 * is a false one. Arguments: the platform half's streams file, the seed. Last line: {@code RESULT false_alarms=...
 * moa_false_alarms=... moa_detection_delay_examples=... moa_gradual_detection_delay_examples=...
 * offline_detection_delay_examples=... offline_gradual_detection_delay_examples=...}.
 */
public final class PlatformStreams {

    private record Measured(String kind, double[] errors, int start, int counted) {
    }

    private PlatformStreams() {
    }

    public static void main(String[] args) throws Exception {
        var measured = read(Path.of(args[0]));
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        double[] stationary = ErrorStreams.bernoulli(seed, DriftReferenceBenchmark.STATIONARY_RATE,
                DriftReferenceBenchmark.STATIONARY_LENGTH);
        long oursFalse = AlarmSource.alarms(AlarmSource.ours(), stationary).length;
        long moaFalse = AlarmSource.alarms(AlarmSource.moa(), stationary).length;
        System.out.printf("RESULT false_alarms=%d moa_false_alarms=%d moa_detection_delay_examples=%s "
                        + "moa_gradual_detection_delay_examples=%s offline_detection_delay_examples=%s "
                        + "offline_gradual_detection_delay_examples=%s%n", oursFalse, moaFalse,
                median(measured, "abrupt", AlarmSource.moa()), median(measured, "gradual", AlarmSource.moa()),
                median(measured, "abrupt", AlarmSource.ours()), median(measured, "gradual", AlarmSource.ours()));
    }

    private static String median(List<Measured> measured, String kind, Supplier<AlarmSource> detector) {
        long[] delays = measured.stream().filter(m -> m.kind().equals(kind)).mapToLong(m -> delay(m, detector))
                .sorted().toArray();
        System.out.printf("%s delays %s%n", kind, Arrays.toString(delays));
        long median = delays.length == 0 ? Long.MAX_VALUE : delays[delays.length / 2];
        return median == Long.MAX_VALUE ? "none" : Long.toString(median);
    }

    /** Inputs from where the change is counted to the first alarm at or after its first result, that one included. */
    private static long delay(Measured m, Supplier<AlarmSource> detector) {
        long[] alarms = AlarmSource.alarms(detector, m.errors());
        long first = ErrorStreams.firstDriftFrom(alarms, m.start());
        return first < 0 ? Long.MAX_VALUE : first + 1 - m.counted();
    }

    private static List<Measured> read(Path file) throws Exception {
        var lines = Files.readAllLines(file);
        var measured = new ArrayList<Measured>();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            var head = lines.get(i).split(" ");
            var bits = lines.get(i + 1);
            double[] errors = new double[bits.length()];
            for (int k = 0; k < errors.length; k++) {
                errors[k] = bits.charAt(k) == '1' ? 1 : 0;
            }
            measured.add(new Measured(head[0], errors, Integer.parseInt(head[1]), Integer.parseInt(head[2])));
        }
        return measured;
    }
}
