package dev.samuel.trainer.app;

import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.trainer.config.TrainerConfig;
import dev.samuel.trainer.data.DatasetFollower;
import dev.samuel.trainer.engine.OnnxTrainingEngine;
import dev.samuel.trainer.jobs.JobManager;
import dev.samuel.trainer.jobs.RetrainPolicy;
import dev.samuel.trainer.jobs.TrainingJob;
import dev.samuel.trainer.kafka.JobRequestFollower;
import dev.samuel.trainer.kafka.KafkaJobLog;
import dev.samuel.trainer.metrics.TrainerMetrics;
import dev.samuel.trainer.registry.Backoff;
import dev.samuel.trainer.registry.RegistryClient;
import dev.samuel.plumbing.kafka.RegistryFollower;
import dev.samuel.plumbing.kafka.TopicEnsurer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Starts the trainer: follow the registry (read to its end first), follow every model's data, take over the
 * jobs on {@code samuel.jobs}, then run jobs and check the retrain policies.
 */
@Startup
@ApplicationScoped
public class TrainerRuntime {

    @Inject
    TrainerConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Inject
    MeterRegistry meters;

    private final RegistryState registry = new RegistryState();
    private RegistryFollower registryFollower;
    private DatasetFollower datasets;
    private Thread datasetThread;
    private KafkaJobLog jobLog;
    private JobManager jobs;
    private JobRequestFollower requests;
    private RetrainPolicy retrain;

    @PostConstruct
    void start() throws InterruptedException {
        try (var admin = Admin.create(kafka)) {
            new TopicEnsurer(admin, Optional.empty()).ensure(List.of(Topics.JOBS));
        }
        registryFollower = RegistryFollower.start(kafka, "trainer-" + UUID.randomUUID(), registry);
        if (!registryFollower.awaitCaughtUp(config.catchUpTimeout())) {
            throw new IllegalStateException("could not read " + Topics.REGISTRY.name() + " to its end within "
                    + config.catchUpTimeout());
        }
        datasets = new DatasetFollower(dataConsumer(), this::specs, config.datasetCapacity());
        datasetThread = new Thread(datasets, "samuel-trainer-datasets");
        datasetThread.setDaemon(true);
        datasetThread.start();

        var metrics = new TrainerMetrics(meters, datasets);
        jobLog = new KafkaJobLog(kafka);
        var client = new RegistryClient(config.registryUrl(), config.registryToken(),
                new Backoff(config.registryAttempts(), Backoff.DEFAULT.first()));
        var work = new TrainingJob(registry, datasets, client, new OnnxTrainingEngine(), metrics, Clock.systemUTC());
        jobs = new JobManager(job -> {
            jobLog.publish(job);
            if (job.isFinished()) {
                metrics.finished(job);
            }
        }, work, Clock.systemUTC());
        var existing = KafkaJobLog.readAll(kafka);
        jobs.recover(existing.jobs());
        jobs.start();
        requests = new JobRequestFollower(kafka, existing.end(), jobs);
        requests.start();
        retrain = new RetrainPolicy(this::specs, datasets, jobs, Clock.systemUTC());
    }

    @Scheduled(every = "${samuel.trainer.retrain-check}", delayed = "${samuel.trainer.retrain-check}")
    void checkRetrainPolicies() {
        if (retrain != null) {
            retrain.run();
        }
    }

    public List<ModelSpec> specs() {
        return registry.specs().stream().map(SpecRecord::spec).toList();
    }

    public RegistryState registry() {
        return registry;
    }

    public JobManager jobs() {
        return jobs;
    }

    public DatasetFollower datasets() {
        return datasets;
    }

    public boolean isFollowingRegistry() {
        return registryFollower != null && registryFollower.isCaughtUp() && registryFollower.isFollowing();
    }

    private KafkaConsumer<byte[], byte[]> dataConsumer() {
        var consumerConfig = new HashMap<>(kafka);
        // The data is rebuilt from the topics at every start: no group, no committed offsets.
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Only examples ingest committed are training data.
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Ingest creates the train and test topics compacted; a reader must not create them otherwise.
        consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @PreDestroy
    void stop() throws InterruptedException {
        if (requests != null) {
            requests.close();
        }
        if (jobs != null) {
            jobs.close();
        }
        if (datasets != null) {
            datasets.stop();
            datasetThread.join(10_000);
        }
        if (jobLog != null) {
            jobLog.close();
        }
        if (registryFollower != null) {
            registryFollower.close();
        }
    }
}
