package dev.samuel.trainer.jobs;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.registry.AliasRecord;
import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.plumbing.registry.RegistryClient;
import dev.samuel.trainer.data.Dataset;
import dev.samuel.trainer.data.DatasetFollower;
import dev.samuel.trainer.data.FeatureStats;
import dev.samuel.trainer.data.ModelData;
import dev.samuel.trainer.metrics.TrainerMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One training job from data to decision: snapshot the model's data, train, score the frozen program and the
 * champion on the same holdout, register the candidate (a rejected one too, marked, for audit), and move the
 * champion alias only if the gate says so. Registration is one request and promotion one more, so a job that
 * dies leaves either nothing or a whole version behind, never a half-registered one.
 */
public final class TrainingJob implements JobWork {

    private final RegistryState registry;
    private final DatasetFollower datasets;
    private final RegistryClient client;
    private final TrainingEngine engine;
    private final TrainerMetrics metrics;
    private final Clock clock;

    /** Progress goes to the job log at most this often: a step takes microseconds, a published record milliseconds. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    public TrainingJob(RegistryState registry, DatasetFollower datasets, RegistryClient client, TrainingEngine engine,
                       TrainerMetrics metrics, Clock clock) {
        this.registry = registry;
        this.datasets = datasets;
        this.client = client;
        this.engine = engine;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public JobRecord run(JobRecord job, Consumer<JobRecord> progress) throws Exception {
        var spec = registry.spec(job.model()).orElseThrow(() -> new IllegalStateException(
                "model " + job.model() + " has no spec in the registry")).spec();
        var snapshot = datasets.data(job.model()).map(ModelData::snapshot).orElseThrow(() ->
                new IllegalStateException("no data of model " + job.model() + " has been read yet"));
        var train = snapshot.train().newest(spec.training().trainWindow());
        var holdout = snapshot.test().newest(spec.training().testWindow());
        require(!train.isEmpty(), "no training examples yet in " + job.model() + ".train");
        require(!holdout.isEmpty(), "no holdout examples yet in " + job.model() + ".test");

        var lineage = new HashMap<>(snapshot.lineage());
        lineage.put(RegistryClient.JOB, job.id());
        lineage.put("examples.train", Integer.toString(train.size()));
        lineage.put("examples.test", Integer.toString(holdout.size()));
        var latest = new AtomicReference<>(job.running(null, lineage, clock.instant()));
        progress.accept(latest.get());
        var nextReport = new long[] {System.nanoTime() + PROGRESS_EVERY.toNanos()};
        var trained = engine.train(spec, train, stats(spec, train), warmStart(spec, lineage),
                spec.init().random() == null ? 42L : spec.init().random().seed(),
                (epoch, step, loss, speed) -> {
                    metrics.step(job.model(), loss, speed);
                    latest.set(latest.get().running(
                            new JobRecord.Progress(epoch, spec.training().epochs(), step, loss, speed), lineage,
                            clock.instant()));
                    if (System.nanoTime() > nextReport[0]) {
                        nextReport[0] = System.nanoTime() + PROGRESS_EVERY.toNanos();
                        progress.accept(latest.get());
                    }
                });

        var candidate = HoldoutEvaluator.evaluate(trained.frozen(), spec, holdout);
        var decision = PromotionGate.decide(candidate.loss(), champion(spec, holdout), spec.promotion());
        lineage.put("promotion", (decision.promoted() ? "promoted: " : "rejected: ") + decision.reason());
        var version = client.register(job.model(), trained.frozen(),
                metrics(candidate, trained.trainLoss()), lineage);
        if (decision.promoted()) {
            client.setAlias(job.model(), AliasRecord.CHAMPION, version.version(), decision.reason());
        }
        return latest.get().evaluated(candidate.loss(), candidate.accuracy(), clock.instant())
                .succeeded(version.version(), decision, clock.instant());
    }

    private static FeatureStats stats(ModelSpec spec, Dataset train) {
        int features = spec.input().featureCount();
        return spec.input().standardize()
                ? FeatureStats.of(train.examples().stream().map(e -> e.features()).toList(), features)
                : FeatureStats.identity(features);
    }

    /** Transfer learning: the parameters of a registered version, named by alias or number. */
    private Optional<byte[]> warmStart(ModelSpec spec, Map<String, String> lineage) {
        if (spec.init().from() == null) {
            return Optional.empty();
        }
        var reference = spec.init().from().split("@", 2);
        var version = resolve(reference[0], reference[1]).orElseThrow(() -> new IllegalStateException(
                "init.from " + spec.init().from() + " names no registered version"));
        lineage.put("init", reference[0] + " v" + version.version());
        return Optional.of(client.artifact(version));
    }

    private Optional<VersionRecord> resolve(String model, String aliasOrVersion) {
        if (aliasOrVersion.chars().allMatch(Character::isDigit)) {
            return registry.version(model, Integer.parseInt(aliasOrVersion));
        }
        return registry.alias(model, aliasOrVersion).flatMap(alias -> registry.version(model, alias.version()));
    }

    /** The champion's test loss on today's holdout, not the number it was registered with. */
    private Optional<PromotionGate.Scored> champion(ModelSpec spec, Dataset holdout)
            throws Exception {
        var champion = resolve(spec.name(), AliasRecord.CHAMPION);
        if (champion.isEmpty()) {
            return Optional.empty();
        }
        var evaluation = HoldoutEvaluator.evaluate(client.artifact(champion.get()), spec, holdout);
        return Optional.of(new PromotionGate.Scored(champion.get().version(), evaluation.loss()));
    }

    private static Map<String, Double> metrics(HoldoutEvaluator.Evaluation evaluation, double trainLoss) {
        // JSON has no NaN or infinity: a diverged candidate is registered without the numbers it does not have.
        var metrics = new HashMap<String, Double>();
        putFinite(metrics, "test_loss", evaluation.loss());
        putFinite(metrics, "train_loss", trainLoss);
        putFinite(metrics, "test_accuracy", evaluation.accuracy());
        return metrics;
    }

    private static void putFinite(Map<String, Double> metrics, String name, double value) {
        if (Double.isFinite(value)) {
            metrics.put(name, value);
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }
}
