package dev.samuel.cli.io;

import java.util.List;
import java.util.Set;

/**
 * The features a model takes, as its spec names them ({@code input.names}), which a CSV header is checked against
 * before any row is read: so a column the model does not know is refused at once, naming it, instead of every
 * example being dead-lettered by ingest. {@code names} is null where the spec names none: the model takes a plain
 * vector, and the header's feature columns are that vector, in order. A categorical feature's cells are sent as the
 * text they are ({@code input.categorical}): "02134" is not the number 2134.
 */
public record ModelFeatures(String model, List<String> names, boolean ignoreUnknown, Set<String> categorical) {

    public ModelFeatures {
        names = names == null ? null : List.copyOf(names);
        categorical = Set.copyOf(categorical);
    }

    /** A model without categorical features. */
    public ModelFeatures(String model, List<String> names, boolean ignoreUnknown) {
        this(model, names, ignoreUnknown, Set.of());
    }

    boolean named() {
        return names != null;
    }

    /** Whether the column is sent: a feature of the model, or any column where the model names none. */
    boolean takes(String column) {
        return names == null || names.contains(column);
    }
}
