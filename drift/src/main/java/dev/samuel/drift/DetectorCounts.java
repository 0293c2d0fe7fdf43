package dev.samuel.drift;

import java.util.OptionalLong;

/**
 * What every detector keeps the same way: the inputs seen, the drifts raised, and where the latest change began.
 * A detector counts each input with {@link #counted()}, reports a drift with {@link #drifted(long)} and forgets with
 * {@link #resetCounts()}; its own statistics are its own.
 */
abstract class DetectorCounts implements DriftDetector {

    private long seen;
    private long drifts;
    private long changeIndex = -1;

    /** Counts one more input; returns how many there have been. */
    protected final long counted() {
        return ++seen;
    }

    /** A drift whose new distribution begins after the first {@code changeIndex} inputs. */
    protected final DriftSignal drifted(long changeIndex) {
        drifts++;
        this.changeIndex = changeIndex;
        return DriftSignal.DRIFT;
    }

    protected final void resetCounts() {
        seen = 0;
        drifts = 0;
        changeIndex = -1;
    }

    @Override
    public final long seen() {
        return seen;
    }

    @Override
    public final long drifts() {
        return drifts;
    }

    @Override
    public final OptionalLong changeAgo() {
        return changeIndex < 0 ? OptionalLong.empty() : OptionalLong.of(seen - changeIndex);
    }
}
