package dev.samuel.drift;

/** What a detector concludes from one more input. */
public enum DriftSignal {
    /** Nothing to report: the stream is consistent with what the detector has seen. */
    NONE,
    /**
     * The stream is moving towards a change but has not crossed the drift level: the time to start gathering the
     * examples a new model would train on. Only detectors with a warning level give it (DDM); ADWIN and
     * Page-Hinkley have none.
     */
    WARNING,
    /** A change: the detector has dropped or restarted what it knew, and {@code changeAgo()} says where it began. */
    DRIFT
}
