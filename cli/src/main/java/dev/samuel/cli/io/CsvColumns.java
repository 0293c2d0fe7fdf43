package dev.samuel.cli.io;

import dev.samuel.cli.CliException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * What each column of a CSV file is, read from its first line: the id (the record key), the label, a feature, or
 * left out. A first line of numbers only is no header but the first row: its columns are a plain vector, and
 * {@code --label-column last} takes the last one as label. {@code names} is null then.
 */
record CsvColumns(List<String> names, int count, int id, int label, int[] features, boolean named,
                  Set<String> categorical) {

    static CsvColumns of(Path file, List<String> first, String labelColumn, Supplier<ModelFeatures> model) {
        if (first.stream().allMatch(cell -> CsvCells.number(cell) != null)) {
            int label = "last".equals(labelColumn) ? first.size() - 1 : -1;
            return new CsvColumns(null, first.size(), -1, label, except(first.size(), -1, label), false,
                    Set.of());
        }
        return header(file, first, labelColumn, model);
    }

    boolean header() {
        return names != null;
    }

    /** A column as messages name it: by its header name, else by its position, counted from 1. */
    String describe(int column) {
        return header() ? "'" + names.get(column) + "'" : String.valueOf(column + 1);
    }

    /** The model is asked for its features only here, so a file without a header needs no registry. */
    private static CsvColumns header(Path file, List<String> names, String labelColumn, Supplier<ModelFeatures> model) {
        requireDistinct(file, names);
        int id = names.indexOf("id");
        int label = labelIndex(file, names, labelColumn);
        var features = model.get();
        var sent = IntStream.of(except(names.size(), id, label))
                .filter(column -> takes(features, names.get(column))).toArray();
        return new CsvColumns(names, names.size(), id, label, sent, features.named(), features.categorical());
    }

    private static boolean takes(ModelFeatures features, String column) {
        if (features.takes(column)) {
            return true;
        }
        if (features.ignoreUnknown()) {
            return false;
        }
        throw new CliException("column '" + column + "' is not a feature of model " + features.model()
                + " (its features: " + features.names() + "); leave it out with --ignore-unknown");
    }

    private static int labelIndex(Path file, List<String> names, String labelColumn) {
        if (labelColumn == null) {
            return names.indexOf("label");
        }
        return switch (labelColumn) {
            case "last" -> names.size() - 1;
            case "none" -> -1;
            default -> {
                int index = names.indexOf(labelColumn);
                if (index < 0) {
                    throw new CliException(file + " has no column '" + labelColumn + "'; its columns: " + names);
                }
                yield index;
            }
        };
    }

    /** Two columns of one name would be one named feature, one of them lost without a word. */
    private static void requireDistinct(Path file, List<String> names) {
        var seen = new HashSet<String>();
        for (var name : names) {
            if (!seen.add(name)) {
                throw new CliException(file + ": column '" + name + "' appears twice in the header");
            }
        }
    }

    /** The columns from 0 to {@code count} but the id's and the label's (-1: none). */
    private static int[] except(int count, int id, int label) {
        return IntStream.range(0, count).filter(column -> column != id && column != label).toArray();
    }
}
