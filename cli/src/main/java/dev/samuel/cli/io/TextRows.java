package dev.samuel.cli.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rows read from a text file (CSV, JSON lines). A row without an id of its own is keyed by the file's name and its
 * row number, as each format counts its rows.
 */
abstract class TextRows implements RowSource {

    private final Closeable input;
    private final String keyPrefix;
    private final long total;

    /** {@code input}: what reads the file, closed with the rows; {@code total}: the rows it holds. */
    TextRows(Path file, Closeable input, long total) {
        this.input = input;
        this.keyPrefix = file.getFileName() + ":";
        this.total = total;
    }

    /** The key of a row without an id. */
    String key(long rowNumber) {
        return keyPrefix + rowNumber;
    }

    @Override
    public long total() {
        return total;
    }

    @Override
    public void close() throws IOException {
        input.close();
    }

    /** The non-blank lines, counted once before reading, for the progress bar. */
    static long countLines(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank()).count();
        }
    }
}
