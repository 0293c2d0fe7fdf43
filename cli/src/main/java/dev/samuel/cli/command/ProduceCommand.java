package dev.samuel.cli.command;

import dev.samuel.cli.CliException;
import dev.samuel.cli.avro.AvroRowEncoder;
import dev.samuel.cli.avro.AvroSchemaFile;
import dev.samuel.cli.io.EventProducer;
import dev.samuel.cli.io.ModelFeatures;
import dev.samuel.cli.io.ProgressBar;
import dev.samuel.cli.io.Row;
import dev.samuel.cli.io.RowSource;
import dev.samuel.contracts.avro.SchemaRegistryClient;
import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.contracts.topic.Topics;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "produce", description = {
        "Stream a file into a model: labelled rows to M.labelled, unlabelled ones to M.unlabelled.",
        "CSV (a header names the features; a 'label' column, or --label-column), JSON lines, or IDX (MNIST) with "
                + "--labels.",
        "With --avro-schema, CSV and JSON lines rows go as Avro records of that schema (Confluent wire format)."})
public final class ProduceCommand extends FileToModelCommand {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--format", description = "csv, jsonl or idx (default: from the file name)")
    RowSource.Format format;

    @Option(names = "--labels", description = "IDX labels file for an IDX images file")
    Path labels;

    @Option(names = "--label-column", description = "CSV: the label's column name, 'last', or 'none' (default: label; with "
            + "--avro-schema, the spec's task.labelField)")
    String labelColumn;

    @Option(names = "--ignore-unknown", description = "CSV: leave out header columns that are not features of the "
            + "model (default: refuse the file, naming them, unless the spec's input.unknownFields is 'ignore')")
    boolean ignoreUnknown;

    @Option(names = "--encoding", defaultValue = "json", description = "json or f32le (compact float32 tensors)")
    String encoding;

    @Option(names = "--scale", defaultValue = "1", converter = Fraction.class, description = {
            "multiply every feature by this number or fraction, e.g. 1/255 for a network trained on pixels / 255",
            "(a model the platform trains standardises its inputs itself; an imported one takes what it was trained on)"})
    float scale;

    @Option(names = "--avro-schema", paramLabel = "SCHEMA.avsc", description = {
            "send Avro records of this schema in the Confluent wire format, the schema registered under <topic>-value",
            "and the label in the field the spec's task.labelField names (see create --from-avro)"})
    Path avroSchema;

    @Option(names = "--schema-registry", paramLabel = "URL", description = "with --avro-schema: the root of the "
            + "schema registry's Confluent API (env SAMUEL_SCHEMA_REGISTRY_URL; default: the local stack's)")
    String schemaRegistry;

    private ModelSpec spec;

    @Override
    public Integer call() throws Exception {
        var avro = avro();
        long sent = 0;
        long labelled = 0;
        try (var rows = RowSource.open(file, format, labels, avro == null ? labelColumn : avroLabelColumn(),
                avro == null ? this::features : () -> avro.features(model, ignoreUnknown));
             var producer = new EventProducer(endpoints.kafka(), Topics.of(model),
                     avro == null ? EventProducer.encoder(Encoding.of(encoding)) : avro)) {
            var bar = new ProgressBar(System.err, "produce", rows.total(), true);
            for (var row = rows.next(); row.isPresent(); row = rows.next()) {
                send(producer, row.get().scaled(scale), rows);
                sent++;
                labelled += row.get().labelled() ? 1 : 0;
                bar.update(sent, "");
            }
            producer.flush();
            double rate = bar.finish(sent, "");
            System.out.printf("%,d records to %s (%,d labelled, %,d unlabelled), %,.0f records/s%n", sent, model,
                    labelled, sent - labelled, rate);
        }
        return 0;
    }

    // A row that does not fit its encoding (an Avro field) stops the file, naming its line; what went before is sent.
    private static void send(EventProducer producer, Row row, RowSource rows) {
        try {
            producer.send(row);
        } catch (IllegalArgumentException e) {
            throw new CliException(rows.position() + ": " + e.getMessage());
        }
    }

    /** With {@code --avro-schema}, the encoder of its records, read against the model's spec; else null. */
    private AvroRowEncoder avro() {
        if (avroSchema == null) {
            if (schemaRegistry != null) {
                throw new CliException("--schema-registry goes with --avro-schema");
            }
            return null;
        }
        if (!Encoding.JSON.code().equals(encoding)) {
            throw new CliException("--avro-schema writes Avro records; --encoding is for the platform's own formats");
        }
        var schema = AvroSchemaFile.read(avroSchema);
        return new AvroRowEncoder(new SchemaRegistryClient(endpoints.schemaRegistryUrl(schemaRegistry)), schema,
                spec().task());
    }

    // The label's column is the record's label field unless told otherwise, so one name serves the CSV and the schema.
    private String avroLabelColumn() {
        return labelColumn != null ? labelColumn : spec().task().recordLabelField();
    }

    /**
     * The model's features as its spec in the registry names them: asked for when a CSV header is checked. A spec
     * whose {@code input.unknownFields} is {@code ignore} has ingest leave unknown features out, so they are left out
     * here too rather than refused.
     */
    private ModelFeatures features() {
        var input = spec().input();
        return new ModelFeatures(model, input.names(), ignoreUnknown || input.ignoresUnknownFields(),
                input.categorical().keySet());
    }

    /** The model's spec, asked of the registry once, and only when it is needed. */
    private ModelSpec spec() {
        if (spec == null) {
            var found = endpoints.registry().model(model)
                    .orElseThrow(() -> new CliException("no model '" + model + "'"));
            spec = ModelSpecs.parse(found.path("spec").toString());
        }
        return spec;
    }
}
