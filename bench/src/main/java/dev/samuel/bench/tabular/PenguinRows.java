package dev.samuel.bench.tabular;

import dev.samuel.cli.io.ModelFeatures;
import dev.samuel.cli.io.Row;
import dev.samuel.cli.io.RowSource;
import dev.samuel.contracts.spec.ModelSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw penguins ({@code examples/penguins/penguins-raw.csv}, 344 records as published) read by the cli's own CSV
 * reader, as {@code bin/samuel produce} reads them for a model: the {@code id} column is the key, empty cells are
 * missing values, a categorical feature's cell is its text. Nothing is prepared beyond what a user's produce does.
 */
final class PenguinRows {

    static final Path CSV = Path.of("examples/penguins/penguins-raw.csv");

    private PenguinRows() {
    }

    /** Every row of the file, in its order, labelled by {@code labelColumn}, with the features {@code spec} names. */
    static List<Row> read(Path root, ModelSpec spec, String labelColumn) throws IOException {
        var input = spec.input();
        var features = new ModelFeatures(spec.name(), input.names(), input.ignoresUnknownFields(),
                input.categorical().keySet());
        var rows = new ArrayList<Row>();
        try (var source = RowSource.open(root.resolve(CSV), RowSource.Format.CSV, null, labelColumn, () -> features)) {
            for (var row = source.next(); row.isPresent(); row = source.next()) {
                rows.add(row.get());
            }
        }
        return rows;
    }
}
