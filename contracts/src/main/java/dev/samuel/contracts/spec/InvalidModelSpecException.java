package dev.samuel.contracts.spec;

import java.util.List;

/** A spec that cannot be used, with every problem found in it. */
public class InvalidModelSpecException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidModelSpecException(List<String> problems) {
        super("invalid model spec: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
