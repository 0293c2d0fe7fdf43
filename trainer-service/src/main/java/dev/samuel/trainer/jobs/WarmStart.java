package dev.samuel.trainer.jobs;

import dev.samuel.contracts.model.OutputKind;

/**
 * Where a job's network and parameters come from (the spec's {@code init}). {@code source} names the version for
 * the lineage and for messages, such as {@code digits v3}.
 */
public sealed interface WarmStart {

    /** The spec's network with seeded random parameters. */
    record None() implements WarmStart {
    }

    /** The spec's network, rebuilt, with the trained parameters of a program the platform built from the spec. */
    record SpecProgram(String source, byte[] program) implements WarmStart {
    }

    /** A foreign program's own network and parameters, fine-tuned as they are; its output keeps its kind. */
    record ForeignProgram(String source, byte[] program, OutputKind kind) implements WarmStart {
    }
}
