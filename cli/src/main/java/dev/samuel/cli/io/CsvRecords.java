package dev.samuel.cli.io;

import dev.samuel.cli.CliException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a CSV file as RFC 4180 has them (Commons CSV: quoted fields holding commas, line breaks and doubled
 * quotes), each cell stripped and each record with the line it starts on, for messages. Blank lines are no records.
 */
final class CsvRecords implements Closeable {

    /** {@code line}: the file's line the record starts on, counted from 1. */
    record Record(long line, List<String> cells) {
    }

    // Spaces around a quoted field are ignored, so `1, "a,b"` reads as two cells as a person means it.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CsvRecords(Path file, CSVParser parser) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
    }

    static CsvRecords open(Path file) throws IOException {
        return new CsvRecords(file, CSVParser.parse(Files.newBufferedReader(file), FORMAT));
    }

    /**
     * How many records the file holds, read through once before the rows are: the progress bar's total, exact
     * where a quoted field spans lines; and a file that is not CSV (a quote never closed) is refused before anything
     * is sent.
     */
    static long count(Path file) throws IOException {
        long count = 0;
        try (var records = open(file)) {
            while (records.next() != null) {
                count++;
            }
        }
        return count;
    }

    /** The next record, or null at the end of the file. */
    Record next() {
        try {
            while (records.hasNext()) {
                var record = records.next();
                if (!blank(record)) {
                    return new Record(startLine(record), record.stream().map(String::strip).toList());
                }
            }
            return null;
        } catch (UncheckedIOException e) {
            // Commons CSV names the line in its message: "(startline 7) EOF reached before encapsulated token finished".
            throw new CliException(file + " is not CSV: " + e.getCause().getMessage());
        }
    }

    /** A line of spaces only: one empty cell, which Commons CSV does not skip as it skips an empty line. */
    private static boolean blank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    /** The parser stands on the record's last line; the line breaks inside its quoted cells lead back to its first. */
    private long startLine(CSVRecord record) {
        long breaks = record.stream().mapToLong(CsvRecords::lineBreaks).sum();
        return parser.getCurrentLineNumber() - breaks;
    }

    /** Counted as the parser counts lines: CR LF is one break, a CR or an LF alone one each. */
    private static long lineBreaks(String cell) {
        long breaks = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n')) {
                breaks++;
            }
        }
        return breaks;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
