package dev.samuel.contracts.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Whose network a program is, which decides how a warm start uses it. A {@link #SPEC} program was built by the
 * platform from the model's spec: a job starting from it rebuilds the graph from the spec and takes the trained
 * parameters by name. A {@link #FOREIGN} program is any other network (an import, or a version fine-tuned from
 * one): a job starting from it trains that program's own graph and parameters.
 */
public enum Origin {
    SPEC,
    FOREIGN;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Origin of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
