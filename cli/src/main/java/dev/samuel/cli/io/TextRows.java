package dev.samuel.cli.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rows read line by line from a text file (CSV, JSON lines). A row without an id of its own is keyed by the file's
 * name and its line number, as each format counts its lines.
 */
abstract class TextRows implements RowSource {

    final BufferedReader reader;
    private final String keyPrefix;
    private final long total;

    /** {@code headerLines}: the lines before the first row, which are no rows of their own. */
    TextRows(Path file, BufferedReader reader, int headerLines) throws IOException {
        this.reader = reader;
        this.keyPrefix = file.getFileName() + ":";
        this.total = countLines(file) - headerLines;
    }

    /** The key of a row without an id. */
    String key(long lineNumber) {
        return keyPrefix + lineNumber;
    }

    @Override
    public long total() {
        return total;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Counted once before reading, for the progress bar. */
    private static long countLines(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank()).count();
        }
    }
}
