package dev.samuel.contracts.job;

/** The life of a training job. */
public enum JobStatus {
    REQUESTED, RUNNING, SUCCEEDED, FAILED
}
