package dev.samuel.cli.io;

import dev.samuel.cli.CliException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The rows of an input file, read one at a time so a file larger than memory streams through. */
public interface RowSource extends Closeable {

    /** The next row, or empty at the end of the file. */
    Optional<Row> next() throws IOException;

    /** How many rows the file holds, for the progress bar. */
    long total();

    /** Where the row {@link #next} returned last starts, for messages about it: {@code line 7}. */
    String position();

    enum Format { CSV, JSONL, IDX }

    /**
     * Opens a file in the given format, or the one its name suggests ({@code .csv}, {@code .jsonl}/{@code .json}, IDX).
     * {@code model}: the features the model takes, which a CSV header is checked against (asked for only then).
     */
    static RowSource open(Path file, Format format, Path idxLabels, String labelColumn, Supplier<ModelFeatures> model)
            throws IOException {
        if (!Files.isReadable(file)) {
            throw new CliException("cannot read " + file);
        }
        return switch (format == null ? guess(file) : format) {
            case CSV -> CsvRows.open(file, labelColumn, model);
            case JSONL -> JsonLinesRows.open(file);
            case IDX -> IdxRows.open(file, idxLabels);
        };
    }

    private static Format guess(Path file) {
        var name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) {
            return Format.JSONL;
        }
        if (name.contains("idx") || name.endsWith("-ubyte")) {
            return Format.IDX;
        }
        throw new CliException("cannot tell the format of " + file + " from its name: give --format csv|jsonl|idx");
    }
}
