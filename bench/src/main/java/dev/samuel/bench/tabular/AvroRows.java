package dev.samuel.bench.tabular;

import dev.samuel.cli.io.Row;
import dev.samuel.contracts.avro.AvroRecordWriter;
import dev.samuel.contracts.event.Features;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The rows as a producer with a schema registry sends them: the schema shipped beside the data
 * ({@code examples/penguins/penguins.avsc}: island an enum, measurements nullable doubles and ints, sex a nullable
 * string, the species an enum in the label field), and each row's values by name as contracts'
 * {@link AvroRecordWriter} takes them (it writes the Confluent wire format a Confluent serializer does).
 */
final class AvroRows {

    static final Path SCHEMA = Path.of("examples/penguins/penguins.avsc");

    private AvroRows() {
    }

    static Schema schema(Path root) throws IOException {
        return new Schema.Parser().parse(root.resolve(SCHEMA).toFile());
    }

    /** The row's numbers (NaN where the cell was empty: the writer's null) and strings by name. */
    static Map<String, Object> values(Row row) {
        var named = (Features.Named) row.features();
        var values = new LinkedHashMap<String, Object>(named.values());
        values.putAll(named.strings());
        return values;
    }
}
