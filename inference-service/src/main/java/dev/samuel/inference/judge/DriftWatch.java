package dev.samuel.inference.judge;

import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.monitoring.PerformanceRecord;
import dev.samuel.contracts.spec.Monitoring;
import dev.samuel.contracts.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Reads every judged example of a model in one place (its one-partition performance topic) and keeps the model's
 * {@link ModelWatch}: the realised figures as metrics, each detection on {@code samuel.drift}, the job a drift asks
 * for on {@code samuel.jobs}. A watch is rebuilt when its spec's {@code monitoring} block changes. The detectors
 * live in memory: an instance that takes a model's performance partition over starts them afresh.
 */
final class DriftWatch implements Processor<String, byte[], String, byte[]> {

    /** Header that tells the sink which topic a record goes to. */
    static final String SINK = "samuel.judge.sink";

    private final ModelIndex models;
    private final JudgeMetrics metrics;
    private final Clock clock;
    private final int sourceCapacity;
    private final Map<String, ModelWatch> watches = new HashMap<>();
    private final Map<String, Monitoring> watchedWith = new HashMap<>();
    private ProcessorContext<String, byte[]> context;

    DriftWatch(ModelIndex models, JudgeMetrics metrics, Clock clock, int sourceCapacity) {
        this.models = models;
        this.metrics = metrics;
        this.clock = clock;
        this.sourceCapacity = sourceCapacity;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        PerformanceRecord result;
        try {
            result = Json.MAPPER.readValue(record.value(), PerformanceRecord.class);
        } catch (IOException | RuntimeException unreadable) {
            metrics.unjudged(record.key() == null ? "unknown" : record.key(), "unreadable_performance");
            return;
        }
        var spec = models.spec(result.model()).orElse(null);
        if (spec == null) {
            return;
        }
        metrics.judged(result.model(), result.version(), result.prequential());
        var watch = watch(result.model(), spec.monitoring());
        var said = watch.observe(result, clock.instant());
        if (said == null) {
            return;
        }
        metrics.realised(result.model(), watch.version(), watch.recent(), watch.timed());
        for (var event : said.events()) {
            metrics.drift(event.model(), event.version(), event.detector(), event.stream(), event.kind());
            forward(Topics.DRIFT.name(), event.model(), event, record.timestamp());
        }
        if (said.job() != null) {
            forward(Topics.JOBS.name(), said.job().id(), said.job(), record.timestamp());
        }
    }

    private ModelWatch watch(String model, Monitoring monitoring) {
        if (!monitoring.equals(watchedWith.get(model))) {
            watchedWith.put(model, monitoring);
            watches.put(model, new ModelWatch(model, monitoring, sourceCapacity,
                    new HoldoutPromise(models.promises(model), monitoring.window())));
        }
        return watches.get(model);
    }

    private void forward(String topic, String key, Object value, long timestamp) {
        var headers = new RecordHeaders().add(SINK, topic.getBytes(StandardCharsets.UTF_8));
        try {
            context.forward(new Record<>(key, Json.MAPPER.writeValueAsBytes(value), timestamp, headers));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        watches.keySet().forEach(metrics::forgetRealised);
    }
}
