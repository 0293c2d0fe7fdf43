package dev.samuel.contracts.spec;

import java.util.HashSet;
import java.util.List;

/** The input section's rules ({@link ModelSpecValidator}): names, shape, missing values, categorical features. */
final class InputCheck {

    private final List<String> problems;

    InputCheck(List<String> problems) {
        this.problems = problems;
    }

    void check(Input input) {
        require(input.features() != null && input.features() > 0, "input.features must be > 0");
        if (input.names() != null) {
            require(new HashSet<>(input.names()).size() == input.names().size(), "input.names must be unique");
            require(input.features() == null || input.features() == input.names().size(),
                    "input.features must equal the number of input.names");
        }
        if (input.shape() != null) {
            var shape = input.shape();
            if (shape.size() != 3 || shape.stream().anyMatch(d -> d == null || d <= 0)) {
                problems.add("input.shape must be [channels, height, width] of sizes > 0, got " + shape);
            } else if (input.features() != null
                    && (long) shape.get(0) * shape.get(1) * shape.get(2) != input.features()) {
                problems.add("input.shape " + shape + " has " + (long) shape.get(0) * shape.get(1) * shape.get(2)
                        + " values, but input.features is " + input.features());
            }
        }
        checkMissing(input);
        checkCategorical(input);
        require(input.unknownFields() == null || Input.REFUSE.equals(input.unknownFields()) || input.ignoresUnknownFields(),
                "input.unknownFields must be one of [refuse, ignore], got '" + input.unknownFields() + "'");
    }

    private void checkCategorical(Input input) {
        if (input.categorical().isEmpty()) {
            return;
        }
        if (input.names() == null) {
            problems.add("input.categorical needs input.names: it names the features read as categories");
            return;
        }
        require(input.shape() == null, "input.categorical is for named tabular features, not an input.shape");
        require(input.categorical().size() < input.names().size(),
                "input.categorical: at least one feature must be numeric (a program reads a batch of numbers)");
        input.categorical().forEach((name, category) -> {
            var at = "input.categorical." + name;
            require(input.names().contains(name), "input.categorical names '" + name + "', which is not in input.names");
            require(!input.missing().containsKey(name), at + " is also in input.missing: a missing category needs no"
                    + " fill, it falls in the \"other\" bucket");
            require(category.maxValues() >= 1, at + ".maxValues must be >= 1");
            require(category.minCount() >= 1, at + ".minCount must be >= 1");
            require(category.embedding() >= 0, at + ".embedding must be >= 0 (0: one-hot)");
        });
    }

    private void checkMissing(Input input) {
        if (input.missing().isEmpty()) {
            return;
        }
        if (input.names() == null) {
            problems.add("input.missing needs input.names: it names the features that may be missing");
            return;
        }
        require(input.shape() == null, "input.missing is for named tabular features, not an input.shape");
        input.missing().keySet().stream().filter(name -> input.indexOf(name) < 0).forEach(name ->
                problems.add("input.missing names '" + name + "', which is not in input.names"));
    }

    private void require(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }
}
