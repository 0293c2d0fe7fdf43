package dev.samuel.driftref;

import dev.samuel.drift.ErrorStreams;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * bench/run drift-detectors: the default detector (ADWIN, delta 0.002) beside MOA 2024.07.0's {@code ADWIN}, fed the
 * same seeded 0/1 error streams directly (not through the platform):
 * <ul>
 *   <li>a stationary stream of 1,000,000 inputs at a 10 % error rate: every alarm is a false one;</li>
 *   <li>abrupt changes 10 % -> 30 % -> 10 % -> 30 %, 20,000 inputs apart: the delay of each change is the distance
 *       from its first input to the first alarm at or after it, and the figure is the median of the three (a
 *       change missed until the next one counts as the whole segment, 20,000);</li>
 *   <li>the same two kinds of stream over more seeds (10 stationary streams of 1,000,000, 100 abrupt ones), for a
 *       rate and a median that one stream cannot give.</li>
 * </ul>
 * Also whether both sides alarm at exactly the same inputs, and each side's speed. Arguments: seed (default 1),
 * seeds of the repeated abrupt streams (default 100), seeds of the repeated stationary streams (default 10). Last
 * line: {@code RESULT false_alarms=... detection_delay_examples=... moa_false_alarms=...
 * moa_detection_delay_examples=...}, all four from the first seed's streams.
 */
public final class DriftReferenceBenchmark {

    static final int STATIONARY_LENGTH = 1_000_000;
    static final double STATIONARY_RATE = 0.1;
    static final int SEGMENT = 20_000;
    static final double[] ABRUPT_RATES = {0.1, 0.3, 0.1, 0.3};

    private DriftReferenceBenchmark() {
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int stationarySeeds = args.length > 2 ? Integer.parseInt(args[2]) : 10;

        double[] stationary = ErrorStreams.bernoulli(seed, STATIONARY_RATE, STATIONARY_LENGTH);
        long[] ours = timed("ours", AlarmSource.ours(), stationary);
        long[] moa = timed("moa", AlarmSource.moa(), stationary);
        System.out.printf("stationary 1,000,000 at 10 %%, seed %d: alarms ours %s, moa %s, identical %b%n",
                seed, Arrays.toString(ours), Arrays.toString(moa), Arrays.equals(ours, moa));

        double[] abrupt = ErrorStreams.piecewise(seed, SEGMENT, ABRUPT_RATES);
        long[] oursAbrupt = AlarmSource.alarms(AlarmSource.ours(), abrupt);
        long[] moaAbrupt = AlarmSource.alarms(AlarmSource.moa(), abrupt);
        long[] oursDelays = delays(oursAbrupt);
        long[] moaDelays = delays(moaAbrupt);
        System.out.printf("abrupt 10/30/10/30 %%, %,d apart, seed %d: delays ours %s, moa %s; alarms ours %s, "
                        + "moa %s, identical %b%n", SEGMENT, seed, Arrays.toString(oursDelays),
                Arrays.toString(moaDelays), Arrays.toString(oursAbrupt), Arrays.toString(moaAbrupt),
                Arrays.equals(oursAbrupt, moaAbrupt));

        repeatedAbrupt(seed, seeds);
        repeatedStationary(seed, stationarySeeds);
        System.out.printf("RESULT false_alarms=%d detection_delay_examples=%d moa_false_alarms=%d "
                        + "moa_detection_delay_examples=%d%n", ours.length, median(oursDelays), moa.length,
                median(moaDelays));
    }

    private static void repeatedStationary(long firstSeed, int seeds) {
        long ours = 0;
        long moa = 0;
        int identical = 0;
        for (long s = firstSeed; s < firstSeed + seeds; s++) {
            double[] stream = ErrorStreams.bernoulli(s, STATIONARY_RATE, STATIONARY_LENGTH);
            long[] oursAlarms = AlarmSource.alarms(AlarmSource.ours(), stream);
            long[] moaAlarms = AlarmSource.alarms(AlarmSource.moa(), stream);
            ours += oursAlarms.length;
            moa += moaAlarms.length;
            identical += Arrays.equals(oursAlarms, moaAlarms) ? 1 : 0;
        }
        System.out.printf("stationary 1,000,000 at 10 %%, seeds %d..%d: false alarms ours %d, moa %d; streams with "
                + "identical alarms %d of %d%n", firstSeed, firstSeed + seeds - 1, ours, moa, identical, seeds);
    }

    private static void repeatedAbrupt(long firstSeed, int seeds) {
        long[] oursAll = new long[0];
        long[] moaAll = new long[0];
        int identical = 0;
        for (long s = firstSeed; s < firstSeed + seeds; s++) {
            double[] stream = ErrorStreams.piecewise(s, SEGMENT, ABRUPT_RATES);
            long[] ours = AlarmSource.alarms(AlarmSource.ours(), stream);
            long[] moa = AlarmSource.alarms(AlarmSource.moa(), stream);
            identical += Arrays.equals(ours, moa) ? 1 : 0;
            oursAll = LongStream.concat(Arrays.stream(oursAll), Arrays.stream(delays(ours))).toArray();
            moaAll = LongStream.concat(Arrays.stream(moaAll), Arrays.stream(delays(moa))).toArray();
        }
        System.out.printf("abrupt, seeds %d..%d (%d changes): median delay ours %d, moa %d; 90th percentile ours %d, "
                        + "moa %d; streams with identical alarms %d of %d%n", firstSeed, firstSeed + seeds - 1,
                oursAll.length, median(oursAll), median(moaAll), percentile(oursAll, 0.9), percentile(moaAll, 0.9),
                identical, seeds);
    }

    private static long[] timed(String side, Supplier<AlarmSource> detector, double[] stream) {
        AlarmSource.alarms(detector, stream);
        long start = System.nanoTime();
        long[] alarms = AlarmSource.alarms(detector, stream);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %,.0f inputs/s (second pass over the stationary stream)%n", side,
                stream.length / seconds);
        return alarms;
    }

    /** The delay of each change: from its first input to the first alarm at or after it, or the whole segment. */
    static long[] delays(long[] alarms) {
        long[] delays = new long[ABRUPT_RATES.length - 1];
        for (int change = 1; change < ABRUPT_RATES.length; change++) {
            long at = (long) change * SEGMENT;
            long first = ErrorStreams.firstDriftFrom(alarms, at);
            delays[change - 1] = first < 0 || first >= at + SEGMENT ? SEGMENT : first - at;
        }
        return delays;
    }

    static long median(long[] values) {
        return percentile(values, 0.5);
    }

    /** The nearest-rank percentile. */
    static long percentile(long[] values, double fraction) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
