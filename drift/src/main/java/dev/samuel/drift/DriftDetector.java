package dev.samuel.drift;

import java.util.OptionalLong;

/**
 * A change detector fed one value at a time: a 0/1 error (classification), a bounded error indicator (regression),
 * or a loss. One detector watches one model's served version. Not thread-safe: one caller feeds it.
 */
public interface DriftDetector {

    /**
     * Adds the next value of the stream.
     *
     * @throws IllegalArgumentException for a value the detector cannot take (NaN or infinite for every detector: one
     *                                  would poison its sums for good; outside [0, 1] for a detector of error rates)
     */
    DriftSignal add(double value);

    /** Forgets everything, as if newly made (a new version served: its errors are a new stream). */
    void reset();

    /** The inputs added since it was made or reset. */
    long seen();

    /** The drift alarms since it was made or reset. */
    long drifts();

    /**
     * Where the latest drift began, as the detector estimates it: how many inputs ago, counted back from the latest
     * input, so that the last {@code changeAgo()} inputs are those of the new distribution (what a model retrained
     * at the change should learn from). Empty before the first drift and after a reset.
     */
    OptionalLong changeAgo();
}
