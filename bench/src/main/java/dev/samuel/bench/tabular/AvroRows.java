package dev.samuel.bench.tabular;

import dev.samuel.cli.io.Row;
import dev.samuel.contracts.avro.AvroRecordWriter;
import dev.samuel.contracts.event.Features;
import dev.samuel.contracts.spec.ModelSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * The rows as a producer with a schema registry sends them: the schema it registers, and each row's named values as
 * contracts' {@link AvroRecordWriter} takes them (which writes the Confluent wire format a Confluent serializer does).
 */
final class AvroRows {

    private AvroRows() {
    }

    /**
     * A record with a field per feature of the spec, in its order (a categorical one an optional string, a number an
     * optional double: null where missing) and the label as a string in the spec's {@code task.labelField}.
     */
    static Schema schema(ModelSpec spec) {
        var fields = SchemaBuilder.record("Penguin").namespace("dev.samuel.bench.tabular").fields();
        for (var name : spec.input().names()) {
            fields = spec.input().categorical().containsKey(name) ? fields.optionalString(name)
                    : fields.optionalDouble(name);
        }
        return fields.requiredString(spec.task().recordLabelField()).endRecord();
    }

    /** The row's numbers (NaN where the cell was empty: the writer's null) and strings by name. */
    static Map<String, Object> values(Row row) {
        var named = (Features.Named) row.features();
        var values = new LinkedHashMap<String, Object>(named.values());
        values.putAll(named.strings());
        return values;
    }
}
