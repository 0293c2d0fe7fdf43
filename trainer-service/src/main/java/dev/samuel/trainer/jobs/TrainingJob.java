package dev.samuel.trainer.jobs;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.model.SignatureMismatchException;
import dev.samuel.contracts.monitoring.Judgement;
import dev.samuel.contracts.registry.AliasRecord;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.registry.RegistryClient;
import dev.samuel.programs.HoldoutScore;
import dev.samuel.programs.ProgramRefusedException;
import dev.samuel.trainer.data.DataStartFilter;
import dev.samuel.trainer.data.DatasetFollower;
import dev.samuel.trainer.data.ExampleSet;
import dev.samuel.trainer.metrics.TrainerMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One training job from data to decision: snapshot the model's data, train, score the frozen program and the
 * champion on the same holdout, register the candidate (a rejected one too, marked, for audit), and move the
 * champion alias only if the gate says so. A job with a {@code dataFrom} (a change point) takes only the examples at
 * or after it, so candidate and champion are trained and judged on the current concept alone. Registration is one request and promotion one more, so a job that
 * dies leaves either nothing or a whole version behind, never a half-registered one.
 */
public final class TrainingJob implements JobWork {

    private final RegistryState registry;
    private final DatasetFollower datasets;
    private final RegistryClient client;
    private final TrainingEngine engine;
    private final TrainerMetrics metrics;
    private final Clock clock;
    private final WarmStarts warmStarts;

    /** The lineage key of a job's data start, as {@link JobRecord.DataStart#toString()} writes it. */
    public static final String DATA_FROM = "dataFrom";

    /**
     * How long a job waits for its model's data to be read after a (re)start while the reading makes no progress: a
     * store of millions of examples takes minutes to rebuild, topics that do not exist never end.
     */
    private static final Duration READ_DATA = Duration.ofSeconds(60);

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
        this.warmStarts = new WarmStarts(registry, client);
    }

    @Override
    public JobRecord run(JobRecord job, Consumer<JobRecord> progress) throws Exception {
        var spec = registry.spec(job.model()).orElseThrow(() -> new IllegalStateException(
                "model " + job.model() + " has no spec in the registry")).spec();
        require(awaitData(spec), "the trainer had not read " + job.model() + "'s train and test topics to their end,"
                + " and read nothing more of its models' data in " + READ_DATA.toSeconds() + " s; it trains on all of"
                + " its data or not at all");
        var data = datasets.data(job.model()).orElseThrow(() ->
                new IllegalStateException("no data of model " + job.model() + " has been read yet"));
        require(data.refused() == 0, refused(job.model(), data.refused()));
        var snapshot = job.dataFrom() == null ? data.snapshot() : data.snapshot(DataStartFilter.of(job.dataFrom()));
        var train = snapshot.train().newest(spec.training().trainWindow());
        var holdout = snapshot.test().newest(spec.training().testWindow());
        var topics = Topics.of(spec);
        require(!train.isEmpty(), noExamples("training", topics.train().name(), job, data.size(false)));
        require(!holdout.isEmpty(), noExamples("holdout", topics.test().name(), job, data.size(true)));

        var lineage = new HashMap<>(job.lineage());
        lineage.putAll(snapshot.lineage());
        if (job.dataFrom() != null) {
            lineage.put(DATA_FROM, job.dataFrom().toString());
        }
        lineage.put(RegistryClient.JOB, job.id());
        lineage.put(VersionRecord.TRAINING_EXAMPLES, Integer.toString(train.size()));
        lineage.put(VersionRecord.HOLDOUT_EXAMPLES, Integer.toString(holdout.size()));
        var start = warmStarts.resolve(spec, lineage);
        var latest = new AtomicReference<>(job.running(null, lineage, clock.instant()));
        progress.accept(latest.get());
        var nextReport = new long[] {System.nanoTime() + PROGRESS_EVERY.toNanos()};
        var trained = engine.train(spec, train, start, spec.init().seed(), (epoch, step, loss, speed) -> {
            if (Thread.currentThread().isInterrupted()) {
                // The model went to another trainer, or this one is closing: the job stops between steps.
                throw new CancellationException("job " + job.id() + " stopped at step " + step);
            }
            metrics.step(job.model(), loss, speed);
            latest.set(latest.get().running(new JobRecord.Progress(epoch, spec.training().epochs(), step, loss, speed),
                    lineage, clock.instant()));
            if (System.nanoTime() > nextReport[0]) {
                nextReport[0] = System.nanoTime() + PROGRESS_EVERY.toNanos();
                progress.accept(latest.get());
            }
        });

        var candidate = HoldoutEvaluator.score(trained.frozen(), spec, Optional.empty(), holdout);
        var decision = gate(spec, candidate.loss(), holdout);
        lineage.put("promotion", (decision.promoted() ? "promoted: " : "rejected: ") + decision.reason());
        var version = client.register(job.model(), trained.frozen(), metrics(candidate, trained.trainLoss()), lineage);
        if (decision.promoted()) {
            client.setAlias(job.model(), AliasRecord.CHAMPION, version.version(), decision.reason());
        }
        return latest.get().evaluated(candidate.loss(), candidate.accuracy(), clock.instant())
                .succeeded(version.version(), decision, clock.instant());
    }

    /** Waits for the model's data while the trainer goes on reading its models' data; false once it stops gaining. */
    private boolean awaitData(ModelSpec spec) throws InterruptedException {
        long left = datasets.recordsToRead();
        while (!datasets.awaitRead(spec, READ_DATA)) {
            long now = datasets.recordsToRead();
            if (now == 0 || now >= left) {
                return false;
            }
            left = now;
        }
        return true;
    }

    private JobRecord.Decision gate(ModelSpec spec, double candidateLoss, ExampleSet holdout) {
        try {
            return PromotionGate.decide(candidateLoss, champion(spec, holdout), spec.promotion());
        } catch (SignatureMismatchException | ProgramRefusedException e) {
            int version = warmStarts.find(spec.name(), AliasRecord.CHAMPION).orElseThrow().version();
            return PromotionGate.overUnfitChampion(candidateLoss, version, e.getMessage());
        }
    }

    /** The champion's test loss on today's holdout, not the number it was registered with. */
    private Optional<PromotionGate.Scored> champion(ModelSpec spec, ExampleSet holdout) {
        return warmStarts.find(spec.name(), AliasRecord.CHAMPION).map(champion -> new PromotionGate.Scored(
                champion.version(), HoldoutEvaluator.score(client.artifact(champion), spec,
                        Optional.ofNullable(champion.program()), holdout).loss()));
    }

    private static Map<String, Double> metrics(HoldoutScore evaluation, double trainLoss) {
        // JSON has no NaN or infinity: a diverged candidate is registered without the numbers it does not have.
        var metrics = new HashMap<String, Double>();
        putFinite(metrics, VersionRecord.TEST_LOSS, evaluation.loss());
        putFinite(metrics, VersionRecord.TRAIN_LOSS, trainLoss);
        putFinite(metrics, VersionRecord.TEST_ACCURACY, evaluation.accuracy());
        // A regression's error line for the drift detector on its served results.
        putFinite(metrics, Judgement.ERROR_THRESHOLD_METRIC, evaluation.errorP90());
        return metrics;
    }

    private static void putFinite(Map<String, Double> metrics, String name, double value) {
        if (Double.isFinite(value)) {
            metrics.put(name, value);
        }
    }

    private String refused(String model, long examples) {
        var store = datasets.store();
        return "the trainer's disk budget for examples (samuel.trainer.store-budget, " + store.budgetBytes()
                + " bytes, " + store.usedBytes() + " used) refused " + examples + " examples of " + model
                + ", so a job would train on part of its data; raise the budget (the trainer reads its models' data"
                + " anew when it starts) or delete models this trainer holds";
    }

    /** Why a job has no examples of a split: none were read yet, or none at or after its data start. */
    private static String noExamples(String split, String topic, JobRecord job, int held) {
        if (job.dataFrom() == null) {
            return "no " + split + " examples yet in " + topic;
        }
        return "no " + split + " examples in " + topic + " at or after the job's dataFrom (" + job.dataFrom()
                + "): all " + held + " the trainer holds there are older";
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }
}
