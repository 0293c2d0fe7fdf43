package dev.samuel.contracts.topic;

import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.monitoring.DriftEvent;
import dev.samuel.contracts.monitoring.PerformanceRecord;
import dev.samuel.contracts.registry.RegistryRecord;
import dev.samuel.contracts.serde.JsonSerde;
import dev.samuel.contracts.serde.SamuelSerdes;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.TopicNames;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The typed topic registry: platform topics, and the topics of each model (docs/design.md, "Topics"). Each topic
 * carries its {@link TopicRole}, whose {@link TopicSettings} say how it is created.
 */
public final class Topics {

    /** Specs, versions and aliases; one partition, compacted. */
    public static final Topic<String, RegistryRecord> REGISTRY =
            new Topic<>("samuel.registry", TopicRole.REGISTRY, Serdes.String(), SamuelSerdes.registry());

    /** Training job requests and status, by job id; compacted. */
    public static final Topic<String, JobRecord> JOBS =
            new Topic<>("samuel.jobs", TopicRole.JOBS, Serdes.String(), new JsonSerde<>(JobRecord.class));

    /** Drift detections and the retraining they requested, by model. */
    public static final Topic<String, DriftEvent> DRIFT =
            new Topic<>("samuel.drift", TopicRole.DRIFT, Serdes.String(), new JsonSerde<>(DriftEvent.class));

    private Topics() {
    }

    /** The suffix of every model's performance topic, {@code <model>.performance}; a spec cannot rename it. */
    public static final String PERFORMANCE = "performance";

    /** The topics of a model, honouring the spec's overrides. */
    public static ModelTopics of(ModelSpec spec) {
        return of(spec.name(), spec.topics());
    }

    /** The default topics of a model, {@code <model>.<role>}. */
    public static ModelTopics of(String model) {
        return of(model, TopicNames.DEFAULTS);
    }

    private static ModelTopics of(String model, TopicNames names) {
        return new ModelTopics(
                model,
                new Topic<>(name(model, "labelled", names.labelled()), TopicRole.LABELLED, Serdes.String(),
                        SamuelSerdes.labelled(Encoding.JSON)),
                new Topic<>(name(model, "train", names.train()), TopicRole.TRAIN, Serdes.String(),
                        SamuelSerdes.labelled(Encoding.JSON)),
                new Topic<>(name(model, "test", names.test()), TopicRole.TEST, Serdes.String(),
                        SamuelSerdes.labelled(Encoding.JSON)),
                new Topic<>(name(model, "unlabelled", names.unlabelled()), TopicRole.UNLABELLED, Serdes.String(),
                        SamuelSerdes.unlabelled(Encoding.JSON)),
                new Topic<>(name(model, "predictions", names.predictions()), TopicRole.PREDICTIONS, Serdes.String(),
                        SamuelSerdes.prediction()),
                new Topic<>(name(model, "rejected", names.rejected()), TopicRole.REJECTED, Serdes.ByteArray(),
                        Serdes.ByteArray()),
                new Topic<>(model + "." + PERFORMANCE, TopicRole.PERFORMANCE, Serdes.String(),
                        new JsonSerde<>(PerformanceRecord.class)));
    }

    private static String name(String model, String role, String override) {
        return Objects.requireNonNullElse(override, model + "." + role);
    }
}
