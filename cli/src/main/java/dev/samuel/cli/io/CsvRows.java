package dev.samuel.cli.io;

import dev.samuel.cli.CliException;
import dev.samuel.contracts.event.Features;
import dev.samuel.contracts.event.Label;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Comma-separated rows of numbers. A first line with a non-number in it is a header: its {@code id} column, if
 * any, gives the keys, and the label column ({@code label} unless told otherwise) the labels. Without a header,
 * {@code --label-column last} takes the last column as label. Other columns are the features, in order.
 */
final class CsvRows extends TextRows {

    private final int idColumn;
    private final int labelColumn;
    private String pending;
    /** Non-blank lines so far, the header counted. */
    private long lineNumber;

    private CsvRows(Path file, BufferedReader reader, int headerLines, int idColumn, int labelColumn, String pending)
            throws IOException {
        super(file, reader, headerLines);
        this.idColumn = idColumn;
        this.labelColumn = labelColumn;
        this.pending = pending;
        this.lineNumber = headerLines;
    }

    static CsvRows open(Path file, String labelColumn) throws IOException {
        var reader = Files.newBufferedReader(file);
        var first = reader.readLine();
        if (first == null) {
            reader.close();
            throw new CliException(file + " is empty");
        }
        var cells = split(first);
        boolean header = Arrays.stream(cells).anyMatch(cell -> !isNumber(cell));
        if (!header) {
            int label = "last".equals(labelColumn) ? cells.length - 1 : -1;
            return new CsvRows(file, reader, 0, -1, label, first);
        }
        var names = List.of(cells);
        int label = "last".equals(labelColumn) ? cells.length - 1 : names.indexOf(labelColumn == null ? "label" : labelColumn);
        if (labelColumn != null && !"last".equals(labelColumn) && !"none".equals(labelColumn) && label < 0) {
            reader.close();
            throw new CliException(file + " has no column '" + labelColumn + "'; its columns: " + names);
        }
        return new CsvRows(file, reader, 1, names.indexOf("id"), "none".equals(labelColumn) ? -1 : label, null);
    }

    @Override
    public Optional<Row> next() throws IOException {
        String line = pending != null ? pending : reader.readLine();
        pending = null;
        while (line != null && line.isBlank()) {
            line = reader.readLine();
        }
        if (line == null) {
            return Optional.empty();
        }
        lineNumber++;
        return Optional.of(row(split(line)));
    }

    private Row row(String[] cells) {
        int featureCount = cells.length - (idColumn >= 0 ? 1 : 0) - (labelColumn >= 0 ? 1 : 0);
        var features = new float[featureCount];
        int f = 0;
        for (int c = 0; c < cells.length; c++) {
            if (c == idColumn || c == labelColumn) {
                continue;
            }
            if (f == featureCount) {
                throw new CliException("line " + lineNumber + " has more columns than the first line");
            }
            features[f++] = number(cells[c], c);
        }
        var id = idColumn >= 0 ? cells[idColumn] : key(lineNumber);
        Label label = labelColumn < 0 ? null
                : isNumber(cells[labelColumn]) ? Label.of(number(cells[labelColumn], labelColumn)) : Label.of(cells[labelColumn]);
        return new Row(id, Features.of(features), label, null);
    }

    private float number(String cell, int column) {
        try {
            return Float.parseFloat(cell);
        } catch (NumberFormatException e) {
            throw new CliException("line " + lineNumber + ", column " + (column + 1) + ": '" + cell + "' is not a number");
        }
    }

    private static String[] split(String line) {
        var cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return cells;
    }

    private static boolean isNumber(String cell) {
        try {
            Float.parseFloat(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
