package dev.samuel.trainer.app;

import dev.samuel.contracts.avro.AvroRecords;
import dev.samuel.contracts.avro.PatientSchemaSource;
import dev.samuel.contracts.registry.AliasRecord;
import dev.samuel.contracts.registry.RegistryKey;
import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.http.Backoff;
import dev.samuel.plumbing.kafka.FollowerStatus;
import dev.samuel.plumbing.kafka.RegistryFollower;
import dev.samuel.plumbing.kafka.TopicEnsurer;
import dev.samuel.plumbing.registry.RegistryClient;
import dev.samuel.trainer.config.TrainerConfig;
import dev.samuel.trainer.data.DatasetFollower;
import dev.samuel.trainer.data.DatasetStore;
import dev.samuel.trainer.engine.OnnxTrainingEngine;
import dev.samuel.trainer.jobs.FirstJobPolicy;
import dev.samuel.trainer.jobs.JobManager;
import dev.samuel.trainer.jobs.RetrainPolicy;
import dev.samuel.trainer.jobs.TrainingJob;
import dev.samuel.trainer.kafka.JobBoard;
import dev.samuel.trainer.kafka.KafkaJobLog;
import dev.samuel.trainer.kafka.TrainerGroup;
import dev.samuel.trainer.metrics.TrainerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;

/**
 * Starts the trainer: follow the registry (read to its end first) and {@code samuel.jobs} (the {@link JobBoard}),
 * then join the trainers' group, which gives this trainer its share of the models ({@link OwnedModels}): their data is
 * followed, their jobs run and their retrain and first-job policies are checked here.
 */
@Startup
@ApplicationScoped
public class TrainerRuntime {

    /** An upload of a large network to a busy registry may take a while; a retry follows a timeout. */
    private static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(60);

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
    private TrainerMetrics metrics;
    private KafkaJobLog jobLog;
    private JobManager jobs;
    private OwnedModels owned;
    private JobBoard board;
    private TrainerGroup group;
    private RetrainPolicy retrain;
    private FirstJobPolicy firstJobs;

    @PostConstruct
    void start() throws InterruptedException {
        var instance = config.instance().orElseGet(TrainerRuntime::randomName);
        try (var admin = Admin.create(kafka)) {
            new TopicEnsurer(admin, Optional.empty()).ensure(List.of(Topics.JOBS));
        }
        datasets = new DatasetFollower(kafka, instance,
                DatasetStore.open(config.storeDir(), instance, config.storeBudget().asLongValue()),
                AvroRecords.codec(config.schemaRegistry(), PatientSchemaSource.UNTIL_ANSWERED),
                (model, reason) -> metrics.dropped(model, reason));
        metrics = new TrainerMetrics(meters, datasets);
        // A spec record is the moment a model exists: its owner follows its data from then on, not at the next look.
        registry.addListener((key, record) -> {
            if (record instanceof SpecRecord spec && owned != null) {
                owned.specRead(spec.spec());
                metrics.known(spec.model(), owned::owns);
            } else if (record == null && owned != null && RegistryKey.parse(key).kind() == RegistryKey.Kind.SPEC) {
                owned.specDeleted(key);
                metrics.deleted(key);
            }
        });
        registryFollower = RegistryFollower.start(kafka, "trainer-" + instance, registry);
        if (!registryFollower.awaitCaughtUp(config.catchUpTimeout())) {
            throw new IllegalStateException("could not read " + Topics.REGISTRY.name() + " to its end within "
                    + config.catchUpTimeout());
        }
        datasets.start();
        startJobs(instance);
        // Specs read before the share existed; later ones are shown as they are read.
        registry.specs().forEach(spec -> metrics.known(spec.model(), owned::owns));
        retrain = new RetrainPolicy(owned::specs, datasets, jobs, Clock.systemUTC());
        firstJobs = new FirstJobPolicy(owned::specs, datasets, jobs,
                model -> registry.alias(model, AliasRecord.CHAMPION).isPresent());
    }

    /** Reads {@code samuel.jobs} to its end, then joins the trainers' group to take its share of the models. */
    private void startJobs(String instance) throws InterruptedException {
        jobLog = new KafkaJobLog(kafka);
        var client = new RegistryClient(config.registryUrl(), config.registryToken(),
                new Backoff(config.registryAttempts(), Backoff.DEFAULT.first(), Backoff.DEFAULT.longest()),
                REGISTRY_TIMEOUT);
        var work = new TrainingJob(registry, datasets, client, new OnnxTrainingEngine(), metrics, Clock.systemUTC());
        jobs = new JobManager(instance, job -> {
            jobLog.publish(job);
            if (job.isFinished()) {
                metrics.finished(job);
            }
        }, work, Clock.systemUTC());
        owned = new OwnedModels(registry, datasets, jobs, jobLog, Clock.systemUTC());
        board = new JobBoard(kafka, instance, job -> owned.jobRead(job));
        owned.readFrom(board);
        board.start();
        if (!board.awaitCaughtUp(config.catchUpTimeout())) {
            throw new IllegalStateException("could not read " + Topics.JOBS.name() + " to its end within "
                    + config.catchUpTimeout());
        }
        jobs.start();
        group = new TrainerGroup(kafka, instance, config.instance().isPresent(), owned).start();
    }

    /** The host's name where there is one, so that a job's lineage says where it ran; unique in any case. */
    private static String randomName() {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? suffix : host + "-" + suffix;
    }

    @Scheduled(every = "${samuel.trainer.retrain-check}", delayed = "${samuel.trainer.retrain-check}")
    void checkRetrainPolicies() {
        if (retrain != null && firstJobs != null) {
            owned.asOwner(() -> {
                retrain.run();
                firstJobs.run();
            });
        }
    }

    public RegistryState registry() {
        return registry;
    }

    public OwnedModels owned() {
        return owned;
    }

    public DatasetFollower datasets() {
        return datasets;
    }

    /** The state of every topic follower, by role: the registry, the datasets, the jobs; and the group's membership. */
    public Map<String, FollowerStatus> followers() {
        var followers = new LinkedHashMap<String, FollowerStatus>();
        if (registryFollower != null) {
            followers.put(TrainerHealth.REGISTRY, registryFollower.status());
        }
        if (datasets != null) {
            followers.put("datasets", datasets.status());
        }
        if (board != null) {
            followers.put("jobs", board.status());
        }
        if (group != null) {
            followers.put("group", group.status());
        }
        return followers;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        // The models go to the other trainers first (a job running here stops, and its new owner runs it again).
        if (group != null) {
            group.close();
        }
        if (board != null) {
            board.close();
        }
        if (jobs != null) {
            jobs.close();
        }
        if (datasets != null) {
            datasets.close();
        }
        if (jobLog != null) {
            jobLog.close();
        }
        if (registryFollower != null) {
            registryFollower.close();
        }
    }
}
