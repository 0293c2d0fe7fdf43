package dev.samuel.contracts.spec;

/** Per-model topic overrides; a null entry means the default {@code <model>.<role>}. */
public record TopicNames(
        String labelled, String train, String test, String unlabelled, String predictions, String rejected) {

    public static final TopicNames DEFAULTS = new TopicNames(null, null, null, null, null, null);
}
