package dev.samuel.inference.inputs;

import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.monitoring.DriftEvent;
import dev.samuel.contracts.monitoring.InputSummary;
import dev.samuel.contracts.spec.Monitoring.InputDrift;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.inference.metrics.InferenceMetrics;
import dev.samuel.inference.model.ServedModel;
import dev.samuel.inference.swap.Champions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input drift detector of every served model, fed by the scoring loop with each scored event's features
 * (docs/design.md, realised performance and drift): one {@link InputMonitor} per model for the version it serves, built
 * from the summary of the training data that version carries ({@link InputSummary}) and the spec's
 * {@code monitoring.inputDrift}. A version without a summary (a foreign program, inputs wider than a summary takes)
 * is not watched on its inputs. Drift events and job requests are sent in the poll's transaction; they are counted
 * and logged once it commits. Only the loop's thread calls it.
 */
public final class InputMonitors {

    /** The trigger of the jobs an input drift asks for. */
    public static final String TRIGGER = "inputDrift";

    private static final Logger LOG = LoggerFactory.getLogger(InputMonitors.class);

    /** The version and settings a model's monitor was built for; {@code monitor} null: that version is not watched. */
    private record Watched(int version, InputDrift settings, InputMonitor monitor) {
    }

    private final Champions champions;
    private final InferenceMetrics metrics;
    private final InputDriftMetrics gauges;
    private final Clock clock;
    private final Map<String, Watched> watched = new HashMap<>();
    private final List<DriftEvent> sent = new ArrayList<>();

    public InputMonitors(Champions champions, InferenceMetrics metrics, Clock clock) {
        this.champions = champions;
        this.metrics = metrics;
        this.gauges = new InputDriftMetrics(metrics.registry());
        this.clock = clock;
    }

    /** Reads one scored event of {@code model}, which the caller holds a reference on. */
    public void observe(ServedModel model, float[] features, long timestamp, Producer<byte[], byte[]> producer) {
        var monitor = monitor(model);
        if (monitor == null) {
            return;
        }
        var evaluation = monitor.observe(features, timestamp, clock);
        if (evaluation == null) {
            return;
        }
        gauges.show(model.name(), model.version(), monitor.names(), evaluation.psi());
        for (var event : evaluation.events()) {
            send(producer, Topics.DRIFT.name(), event.model(), json(event));
            sent.add(event);
        }
        if (evaluation.job() != null) {
            send(producer, Topics.JOBS.name(), evaluation.job().id(), json(evaluation.job()));
        }
    }

    /** The poll's transaction committed: what the monitors said stands. */
    public void committed() {
        watched.values().forEach(w -> {
            if (w.monitor() != null) {
                w.monitor().commit();
            }
        });
        for (var event : sent) {
            metrics.drift(event.model(), event.version(), event.detector(), event.stream(), event.kind());
            LOG.info("Input {} of {} version {}: feature {} has a PSI of {} over the last {} events{}", event.kind(),
                    event.model(), event.version(), event.feature(), String.format("%.3f", event.psi()),
                    event.changeAgo(), event.jobId() == null ? "" : "; job " + event.jobId() + " requested");
        }
        sent.clear();
        // A model no longer served keeps no monitor and shows no PSI.
        watched.keySet().removeIf(model -> {
            boolean gone = champions.servedVersion(model) == 0;
            if (gone) {
                gauges.forget(model);
            }
            return gone;
        });
    }

    /** The poll's transaction aborted: its events will be scored again. */
    public void aborted() {
        watched.values().forEach(w -> {
            if (w.monitor() != null) {
                w.monitor().rollback();
            }
        });
        sent.clear();
    }

    /**
     * The monitor of the version being served, built when the version or its spec's {@code inputDrift} settings
     * change; rebuilt for new settings, it keeps whether the version asked for its job.
     */
    private InputMonitor monitor(ServedModel model) {
        var settings = model.spec().monitoring().inputDrift();
        var current = watched.get(model.name());
        if (current != null && current.version() == model.version() && current.settings().equals(settings)) {
            return current.monitor();
        }
        boolean sameVersion = current != null && current.version() == model.version();
        if (!sameVersion) {
            gauges.forget(model.name());
        }
        boolean retrained = sameVersion && current.monitor() != null && current.monitor().retrained();
        var monitor = build(model, retrained);
        watched.put(model.name(), new Watched(model.version(), settings, monitor));
        return monitor;
    }

    private static InputMonitor build(ServedModel model, boolean retrained) {
        InputSummary summary;
        try {
            summary = InputSummary.read(model.program().metadata()).orElse(null);
        } catch (IllegalArgumentException e) {
            LOG.warn("{} version {}: its input summary cannot be read, its inputs are not watched: {}", model.name(),
                    model.version(), e.getMessage());
            return null;
        }
        int width = model.signature().program().features();
        if (summary == null || summary.features().size() != width) {
            if (summary != null) {
                LOG.warn("{} version {}: its input summary has {} features, the program reads {}; its inputs are not"
                        + " watched", model.name(), model.version(), summary.features().size(), width);
            }
            return null;
        }
        var input = model.spec().input();
        var numeric = input.numericNames();
        var names = numeric != null && numeric.size() == width ? numeric
                : IntStream.range(0, width).mapToObj(Integer::toString).toList();
        return new InputMonitor(model.name(), model.version(), summary, model.spec().monitoring().inputDrift(), names,
                retrained);
    }

    private static void send(Producer<byte[], byte[]> producer, String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value));
    }

    private static byte[] json(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
