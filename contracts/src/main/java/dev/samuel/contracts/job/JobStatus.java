package dev.samuel.contracts.job;

/** The life of a training job; {@code JOINED}: the request was served by another job of the same model. */
public enum JobStatus {
    REQUESTED, RUNNING, SUCCEEDED, FAILED, JOINED
}
