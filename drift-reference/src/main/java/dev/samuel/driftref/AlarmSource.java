package dev.samuel.driftref;

import dev.samuel.drift.Adwin;
import dev.samuel.drift.Ddm;
import dev.samuel.drift.DriftSignal;
import java.util.Arrays;
import java.util.function.Supplier;

/** A change detector of either side, fed one value at a time, answering whether it signalled a drift. */
@FunctionalInterface
interface AlarmSource {

    boolean add(double value);

    static Supplier<AlarmSource> ours() {
        return () -> {
            Adwin adwin = new Adwin();
            return value -> adwin.add(value) == DriftSignal.DRIFT;
        };
    }

    /**
     * MOA's {@code ADWIN} itself, not its {@code ADWINChangeDetector} wrapper: the wrapper reports only a rising
     * mean, so a fall of the error rate (the second change of the abrupt stream) would go unreported, where ours
     * reports both, as ADWIN does.
     */
    static Supplier<AlarmSource> moa() {
        return () -> {
            moa.classifiers.core.driftdetection.ADWIN adwin = new moa.classifiers.core.driftdetection.ADWIN();
            return adwin::setInput;
        };
    }

    static Supplier<AlarmSource> oursDdm() {
        return () -> {
            Ddm ddm = new Ddm();
            return value -> ddm.add(value) == DriftSignal.DRIFT;
        };
    }

    static Supplier<AlarmSource> moaDdm() {
        return () -> {
            moa.classifiers.core.driftdetection.DDM ddm = new moa.classifiers.core.driftdetection.DDM();
            return value -> {
                ddm.input(value);
                return ddm.getChange();
            };
        };
    }

    /** The inputs (0-based) at which a fresh detector signals a drift over the whole stream. */
    static long[] alarms(Supplier<AlarmSource> detector, double[] stream) {
        AlarmSource source = detector.get();
        long[] found = new long[stream.length];
        int count = 0;
        for (int i = 0; i < stream.length; i++) {
            if (source.add(stream[i])) {
                found[count++] = i;
            }
        }
        return Arrays.copyOf(found, count);
    }
}
