package dev.samuel.cli.io;

import java.util.List;

/**
 * The features a model takes, as its spec names them ({@code input.names}), which a CSV header is checked against
 * before any row is read: so a column the model does not know is refused at once, naming it, instead of every
 * example being dead-lettered by ingest. {@code names} is null where the spec names none: the model takes a plain
 * vector, and the header's feature columns are that vector, in order.
 */
public record ModelFeatures(String model, List<String> names, boolean ignoreUnknown) {

    public ModelFeatures {
        names = names == null ? null : List.copyOf(names);
    }

    boolean named() {
        return names != null;
    }

    /** Whether the column is sent: a feature of the model, or any column where the model names none. */
    boolean takes(String column) {
        return names == null || names.contains(column);
    }
}
