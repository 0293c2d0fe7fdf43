package dev.samuel.inference.scoring;

import dev.samuel.contracts.event.Codec;
import dev.samuel.inference.inputs.InputMonitors;
import dev.samuel.inference.metrics.InferenceMetrics;
import dev.samuel.inference.model.ServedModel;
import dev.samuel.inference.swap.Champions;
import dev.samuel.programs.RowBatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Scores one poll inside the caller's transaction: per model, every valid event of the poll goes into one
 * ONNX Runtime run of the version served when the model's batch starts; invalid events become dead letters.
 * Returns the offsets to commit with the transaction. Events of a model no longer served are left out of the
 * offsets, and the caller rewinds their partitions, so they are scored once a version serves again. Every scored
 * event's features also feed the model's input drift detector ({@link InputMonitors}), whose drift events and job
 * requests go into the same transaction; the caller says how the transaction ended ({@link #committed()},
 * {@link #aborted()}).
 */
public final class PollScorer {

    /** What a poll produced: offsets to commit, partitions to rewind to their first polled record. */
    public record Outcome(Map<TopicPartition, OffsetAndMetadata> offsets, List<TopicPartition> unserved) {
    }

    private final Champions champions;
    private final InferenceMetrics metrics;
    private final InputMonitors inputs;
    private final RowBatch batch = new RowBatch();
    private final Codec codec;
    private final List<ConsumerRecord<byte[], byte[]>> scored = new ArrayList<>();

    public PollScorer(Champions champions, InferenceMetrics metrics, Codec codec) {
        this(champions, metrics, new InputMonitors(champions, metrics, Clock.systemUTC()), codec);
    }

    /** @param codec how events are decoded (Avro through the schema registry, when there is one) */
    public PollScorer(Champions champions, InferenceMetrics metrics, InputMonitors inputs, Codec codec) {
        this.champions = champions;
        this.metrics = metrics;
        this.inputs = inputs;
        this.codec = codec;
    }

    /** The transaction that held the last poll committed. */
    public void committed() {
        inputs.committed();
    }

    /** The transaction that held the last poll aborted: the poll is scored again. */
    public void aborted() {
        inputs.aborted();
    }

    public Outcome score(ConsumerRecords<byte[], byte[]> records, Map<String, String> routes,
                         Producer<byte[], byte[]> producer) throws Exception {
        var offsets = new HashMap<TopicPartition, OffsetAndMetadata>();
        var unserved = new ArrayList<TopicPartition>();
        for (var entry : byModel(records, routes).entrySet()) {
            var model = entry.getKey() == null ? null : champions.acquire(entry.getKey()).orElse(null);
            if (model == null) {
                unserved.addAll(entry.getValue());
                continue;
            }
            try {
                scoreModel(model, records, entry.getValue(), producer);
            } finally {
                model.release();
            }
            for (var partition : entry.getValue()) {
                var polled = records.records(partition);
                offsets.put(partition, new OffsetAndMetadata(polled.get(polled.size() - 1).offset() + 1));
            }
        }
        return new Outcome(offsets, unserved);
    }

    private static Map<String, List<TopicPartition>> byModel(ConsumerRecords<byte[], byte[]> records,
                                                             Map<String, String> routes) {
        var byModel = new LinkedHashMap<String, List<TopicPartition>>();
        for (var partition : records.partitions()) {
            byModel.computeIfAbsent(routes.get(partition.topic()), m -> new ArrayList<>()).add(partition);
        }
        return byModel;
    }

    private void scoreModel(ServedModel model, ConsumerRecords<byte[], byte[]> records,
                            List<TopicPartition> partitions, Producer<byte[], byte[]> producer) throws Exception {
        long start = System.nanoTime();
        var decoder = new EventDecoder(model, metrics, codec);
        batch.reset(model.signature().program().features(), model.signature().program().categories());
        scored.clear();
        for (var partition : partitions) {
            for (var record : records.records(partition)) {
                var row = decoder.decode(record, producer);
                if (row != null) {
                    batch.add(row);
                    scored.add(record);
                    inputs.observe(model, row.numbers(), record.timestamp(), producer);
                }
            }
        }
        if (scored.isEmpty()) {
            return;
        }
        float[] outputs = batch.run(model.program(), model.signature().program());
        var encoder = new PredictionEncoder(model);
        var topic = model.topics().predictions().name();
        for (int row = 0; row < scored.size(); row++) {
            var record = scored.get(row);
            // The prediction keeps the event's key and timestamp, as a Kafka Streams processor would.
            producer.send(new ProducerRecord<>(topic, null, record.timestamp(), record.key(),
                    encoder.encode(record, outputs, row)));
        }
        metrics.scored(model.name(), model.version(), scored.size(), System.nanoTime() - start);
    }
}
