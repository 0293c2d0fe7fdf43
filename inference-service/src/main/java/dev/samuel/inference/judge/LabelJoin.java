package dev.samuel.inference.judge;

import dev.samuel.contracts.avro.RegistryUnavailableException;
import dev.samuel.contracts.event.Codec;
import dev.samuel.contracts.event.ExampleResolver;
import dev.samuel.contracts.event.JsonReader;
import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.model.ModelSignature;
import dev.samuel.contracts.monitoring.Judgement;
import dev.samuel.contracts.monitoring.PerformanceRecord;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.inference.judge.JudgeInput.Kind;
import dev.samuel.inference.judge.PendingStore.Pending;
import dev.samuel.inference.judge.PendingStore.State;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins each label to the prediction made for the same example, whichever comes first, and forwards the judged
 * example (a {@link PerformanceRecord}, keyed by model). A prediction waits for its label up to its model's
 * {@code monitoring.labelDelay}, then counts as expired; a label no prediction waited for is scored by the champion
 * (prequential). An example is judged once: a relabel, or a prediction that comes after its label, is counted and
 * left out.
 */
final class LabelJoin implements Processor<String, byte[], String, PerformanceRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(LabelJoin.class);

    private final ModelIndex topics;
    private final Codec codec;
    private final Prequential prequential;
    private final JudgeMetrics metrics;
    private final Duration sweepEvery;
    private ProcessorContext<String, PerformanceRecord> context;
    private PendingStore store;
    private JudgeMetrics.Waiting waiting;

    LabelJoin(ModelIndex topics, Codec codec, Prequential prequential, JudgeMetrics metrics, Duration sweepEvery) {
        this.topics = topics;
        this.codec = codec;
        this.prequential = prequential;
        this.metrics = metrics;
        this.sweepEvery = sweepEvery;
    }

    @Override
    public void init(ProcessorContext<String, PerformanceRecord> context) {
        this.context = context;
        this.store = new PendingStore(context.getStateStore(PendingStore.ENTRIES),
                context.getStateStore(PendingStore.EXPIRY));
        this.waiting = metrics.waiting(store.rebuildIndex());
        context.schedule(sweepEvery, PunctuationType.WALL_CLOCK_TIME, this::expire);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        var input = JudgeInput.decode(record.value());
        var spec = topics.spec(input.model()).orElse(null);
        if (spec == null) {
            metrics.unjudged(input.model(), "no_spec");
        } else if (input.kind() == Kind.PREDICTION) {
            onPrediction(input, record);
        } else {
            onLabel(spec, input, record);
        }
    }

    private void onPrediction(JudgeInput input, Record<String, byte[]> record) {
        var before = store.get(record.key());
        if (before != null && before.state() == State.JUDGED) {
            metrics.unjudged(input.model(), "prediction_after_label");
            return;
        }
        var waits = new Pending(State.WAITING, record.timestamp(), input.payload());
        store.put(input.model(), record.key(), before, waits);
        if (before == null) {
            waiting.add(input.model(), 1);
        }
    }

    private void onLabel(ModelSpec spec, JudgeInput input, Record<String, byte[]> record) {
        var before = store.get(record.key());
        if (before != null && before.state() == State.JUDGED) {
            metrics.unjudged(input.model(), "relabel");
            return;
        }
        ResolvedExample example;
        try {
            example = ExampleResolver.resolve(spec, codec.readLabelled(input.payload(), record.headers(),
                    spec.task().recordLabelField()));
        } catch (RegistryUnavailableException outage) {
            // The label waits: the stream thread is replaced and reads it again (StreamThreadRestarts).
            throw outage;
        } catch (RuntimeException unreadable) {
            // Ingest checked it against the spec of its day; the spec has changed since.
            metrics.unjudged(input.model(), "label_not_in_spec");
            return;
        }
        PerformanceRecord judged = before == null ? prequential(spec, input, record, example)
                : joined(spec, input, record, example, before);
        if (judged == null) {
            return;
        }
        store.put(input.model(), record.key(), before, new Pending(State.JUDGED, record.timestamp(), null));
        if (before != null) {
            waiting.add(input.model(), -1);
        }
        context.forward(new Record<>(input.model(), judged, record.timestamp()));
    }

    private PerformanceRecord joined(ModelSpec spec, JudgeInput input, Record<String, byte[]> record,
                                     ResolvedExample example, Pending waited) {
        var prediction = JsonReader.readPrediction(waited.prediction());
        var judgement = Judgement.of(ModelSignature.ofPredictions(spec), prediction, example.target(),
                topics.errorThreshold(spec.name(), prediction.version()));
        long delay = Math.max(0, record.timestamp() - waited.timestamp());
        metrics.labelDelay(input.model(), delay);
        return performance(prediction.id(), input, record, prediction.version(), false, judgement, delay);
    }

    private PerformanceRecord prequential(ModelSpec spec, JudgeInput input, Record<String, byte[]> record,
                                          ResolvedExample example) {
        Prequential.Scored scored;
        try {
            scored = prequential.score(spec.name(), example).orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("Could not score labelled example {} of {} with its champion", record.key(), spec.name(), e);
            metrics.unjudged(input.model(), "prequential_failed");
            return null;
        }
        if (scored == null) {
            metrics.unjudged(input.model(), "no_champion");
            return null;
        }
        String id = record.key().substring(input.model().length() + 1);
        return performance(id, input, record, scored.version(), true, scored.judgement(), null);
    }

    private static PerformanceRecord performance(String id, JudgeInput input, Record<String, byte[]> record,
                                                 int version, boolean prequential, Judgement judgement, Long delay) {
        return new PerformanceRecord(id, input.model(), version, prequential, judgement.loss(), judgement.correct(),
                judgement.error(), delay, input.topic(), input.partition(), input.offset(),
                Instant.ofEpochMilli(record.timestamp()));
    }

    private void expire(long now) {
        for (var spec : topics.specs()) {
            long cutoff = now - spec.monitoring().labelDelay().toMillis();
            for (var expired : store.expire(spec.name(), cutoff)) {
                if (expired.pending().state() == State.WAITING) {
                    waiting.add(spec.name(), -1);
                    metrics.expired(spec.name());
                }
            }
        }
    }

    @Override
    public void close() {
        if (waiting != null) {
            waiting.close();
        }
    }
}
