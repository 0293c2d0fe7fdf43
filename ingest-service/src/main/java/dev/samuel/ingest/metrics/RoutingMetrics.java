package dev.samuel.ingest.metrics;

import dev.samuel.contracts.event.RejectReason;
import dev.samuel.contracts.metrics.MetricNames;
import dev.samuel.contracts.split.HoldoutSplit.Split;
import dev.samuel.ingest.streams.RoutingListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts routed examples per model and split, and rejects per model and reason. */
@ApplicationScoped
public class RoutingMetrics implements RoutingListener {

    private final MeterRegistry registry;
    /** Counters are looked up once per model and outcome, not per record. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void routed(String model, Split split) {
        counter(MetricNames.INGEST_EXAMPLES, model, MetricNames.SPLIT, split.code()).increment();
    }

    @Override
    public void rejected(String model, RejectReason reason) {
        counter(MetricNames.INGEST_REJECTED, model, MetricNames.REASON, reason.code()).increment();
    }

    private Counter counter(String name, String model, String tag, String value) {
        return counters.computeIfAbsent(name + '|' + model + '|' + value, key -> Counter.builder(name)
                .tag(MetricNames.MODEL, model)
                .tag(tag, value)
                .register(registry));
    }
}
