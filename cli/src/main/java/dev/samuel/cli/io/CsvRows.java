package dev.samuel.cli.io;

import dev.samuel.cli.CliException;
import dev.samuel.contracts.event.Features;
import dev.samuel.contracts.event.Label;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rows of a CSV file. With a header, each row's features are named by their columns: numbers, true/false as 1/0,
 * an empty cell as a missing value (NaN) and any other text as a string; the {@code id} column gives the keys and
 * the label column ({@code label} unless told otherwise) the labels. Where the model names no features, and in a
 * file without a header, the features are a plain vector of numbers, in column order ({@link CsvColumns}).
 */
final class CsvRows extends TextRows {

    private final CsvRecords records;
    private final CsvColumns columns;
    /** The first line when it is a row, not a header: read before the rows, to tell. */
    private CsvRecords.Record pending;
    /** Rows so far, the header counted, blank lines not: a row without id is keyed by it, as it always was. */
    private long rowNumber;
    /** The line the last row returned starts on. */
    private long line;

    private CsvRows(Path file, CsvRecords records, CsvColumns columns, CsvRecords.Record pending, long total) {
        super(file, records, total);
        this.records = records;
        this.columns = columns;
        this.pending = pending;
        this.rowNumber = columns.header() ? 1 : 0;
    }

    /** {@code model}: the features the model takes, asked for only when the file has a header. */
    static CsvRows open(Path file, String labelColumn, Supplier<ModelFeatures> model) throws IOException {
        var records = CsvRecords.open(file);
        try {
            var first = records.next();
            if (first == null) {
                throw new CliException(file + " is empty");
            }
            var columns = CsvColumns.of(file, first.cells(), labelColumn, model);
            long total = CsvRecords.count(file) - (columns.header() ? 1 : 0);
            return new CsvRows(file, records, columns, columns.header() ? null : first, total);
        } catch (IOException | RuntimeException e) {
            records.close();
            throw e;
        }
    }

    @Override
    public Optional<Row> next() {
        var record = pending != null ? pending : records.next();
        pending = null;
        if (record == null) {
            return Optional.empty();
        }
        rowNumber++;
        line = record.line();
        return Optional.of(row(record));
    }

    @Override
    public String position() {
        return "line " + line;
    }

    private Row row(CsvRecords.Record record) {
        var cells = record.cells();
        if (cells.size() != columns.count()) {
            throw new CliException("line " + record.line() + " has " + cells.size() + " columns where the first line has "
                    + columns.count());
        }
        var id = columns.id() >= 0 ? cells.get(columns.id()) : key(rowNumber);
        var label = columns.label() >= 0 ? label(cells.get(columns.label())) : null;
        return new Row(id, columns.named() ? named(cells) : vector(record), label, null);
    }

    private Features named(List<String> cells) {
        var numbers = new LinkedHashMap<String, Float>();
        var strings = new LinkedHashMap<String, String>();
        for (int column : columns.features()) {
            var cell = cells.get(column);
            var name = columns.names().get(column);
            var value = CsvCells.feature(cell);
            if (value != null && !(columns.categorical().contains(name) && !cell.isEmpty())) {
                numbers.put(name, value);
            } else {
                strings.put(name, cell);
            }
        }
        return new Features.Named(numbers, strings);
    }

    /** A plain vector has no place for a string: text is refused here, naming its line and column. */
    private Features vector(CsvRecords.Record record) {
        var features = columns.features();
        var values = new float[features.length];
        for (int i = 0; i < features.length; i++) {
            var cell = record.cells().get(features[i]);
            var value = CsvCells.feature(cell);
            if (value == null) {
                throw new CliException("line " + record.line() + ", column " + columns.describe(features[i]) + ": '"
                        + cell + "' is not a number");
            }
            values[i] = value;
        }
        return Features.of(values);
    }

    /** A number is a class index or a regression target, other text a class name; the spec decides which fit. */
    private static Label label(String cell) {
        var number = CsvCells.number(cell);
        return number != null ? Label.of(number.doubleValue()) : Label.of(cell);
    }
}
