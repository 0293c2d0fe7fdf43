package dev.samuel.bench.tabular;

import dev.samuel.bench.ingest.IngestBenchmark;
import dev.samuel.bench.ingest.ServiceRun;
import dev.samuel.cli.io.Row;
import dev.samuel.cli.stack.QuarkusService;
import dev.samuel.contracts.avro.AvroRecordWriter;
import dev.samuel.contracts.event.JsonWriter;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.ingest.SpecPublisher;
import dev.samuel.plumbing.launch.PackagedService;
import dev.samuel.testkit.SchemaRegistryProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Ingest of the raw penguin records, measured as {@code bench/run ingest} measures it (the packaged service on one
 * partition, timed by a read_committed observer of its output, beside the exactly-once copy loop on the same
 * records): once as JSON (named features, strings and nulls), once as Avro in the Confluent wire format read through
 * a real schema registry (testkit's {@link SchemaRegistryProcess}: the repository's packaged Apicurio Registry).
 */
final class TabularIngest {

    /** Records per second of the service and of the copy loop, per encoding. */
    record Rates(double json, double jsonCeiling, double avro, double avroCeiling) {
    }

    private record Measured(double ingest, double ceiling) {
    }

    private TabularIngest() {
    }

    static Rates measure(String bootstrap, Path root, ModelSpec spec, List<Row> rows, int records) throws Exception {
        var service = QuarkusService.INGEST.packaged(root);
        try (var admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            IngestBenchmark.createRegistryTopic(admin);
            var jsonSpec = TabularSpecs.named(spec, "tabular-json");
            var json = run(admin, bootstrap, service, jsonSpec, rows, records, row -> JsonWriter.write(row.example()),
                    Map.of());
            try (var registry = SchemaRegistryProcess.start()) {
                var avroSpec = TabularSpecs.named(spec, "tabular-avro");
                var schema = AvroRows.schema(root);
                int id = registry.register(Topics.of(avroSpec).labelled().name() + "-value", schema.toString());
                var writer = new AvroRecordWriter(schema, id, avroSpec.task().recordLabelField());
                var measured = run(admin, bootstrap, service, avroSpec, rows, records,
                        row -> writer.write(AvroRows.values(row), row.label(), row.weight()),
                        Map.of("samuel.ingest.schema-registry", registry.confluentUrl()));
                return new Rates(json.ingest(), json.ceiling(), measured.ingest(), measured.ceiling());
            }
        }
    }

    /**
     * One encoding: its model's topics and spec, the records produced, the copy loop's rate, then the service's, which
     * must have accepted every record.
     */
    private static Measured run(Admin admin, String bootstrap, PackagedService service, ModelSpec spec,
                                List<Row> rows, int records, Function<Row, byte[]> encode,
                                Map<String, String> settings) throws Exception {
        var topics = Topics.of(spec);
        var copyTopic = "ceiling-" + spec.name();
        IngestBenchmark.createTopics(admin, topics, copyTopic);
        SpecPublisher.publish(bootstrap, spec);
        produce(bootstrap, topics.labelled().name(), rows, records, encode);
        double ceiling = IngestBenchmark.ceiling(bootstrap, topics.labelled().name(), copyTopic, records);
        double ingest = new ServiceRun(bootstrap, service, topics, settings).run(records);
        DeadLetters.requireNone(bootstrap, topics.rejected().name());
        System.out.printf("%s: ingest %.0f examples/s, ceiling %.0f records/s, ratio %.2f%n", spec.name(), ingest,
                ceiling, ingest / ceiling);
        return new Measured(ingest, ceiling);
    }

    /** The rows over and over, each copy under keys of its own ({@code 17-r3}: row 17 of the file, fourth copy). */
    private static void produce(String bootstrap, String topic, List<Row> rows, int records,
                                Function<Row, byte[]> encode) {
        long bytes = 0;
        try (var producer = IngestBenchmark.producer(bootstrap)) {
            for (int i = 0; i < records; i++) {
                var row = rows.get(i % rows.size());
                var value = encode.apply(row);
                bytes += value.length;
                var key = IngestBenchmark.bytes(row.id() + "-r" + i / rows.size());
                producer.send(new ProducerRecord<>(topic, key, value));
            }
        }
        System.out.printf("produced %d records to %s, %.0f bytes each on average%n", records, topic,
                bytes / (double) records);
    }
}
