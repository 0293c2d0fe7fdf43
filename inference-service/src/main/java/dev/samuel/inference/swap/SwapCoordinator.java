package dev.samuel.inference.swap;

import dev.samuel.contracts.registry.AliasRecord;
import dev.samuel.contracts.registry.RegistryKey;
import dev.samuel.contracts.registry.RegistryRecord;
import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.inference.metrics.InferenceMetrics;
import dev.samuel.inference.model.LoadFailure;
import dev.samuel.inference.model.ModelLoadException;
import dev.samuel.inference.model.ModelLoader;
import dev.samuel.inference.model.ServedModel;
import dev.samuel.plumbing.http.ServiceCallException;
import dev.samuel.plumbing.registry.ArtifactChecksumException;
import dev.samuel.plumbing.registry.RegistryClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the served version of each model follow its {@code champion} alias in the registry log. Records are
 * handed over by the log follower; the work (download, verify, load, validate, warm up, swap) runs on one
 * thread of its own, one model at a time, so the follower and the scoring loop never wait for it. Each task
 * reads the alias as it is when the task runs, so a burst of moves loads only the latest. A refused version
 * leaves the previous one serving; a roll-back is just another move.
 */
public final class SwapCoordinator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SwapCoordinator.class);

    private final RegistryState registry;
    private final RegistryClient artifacts;
    private final ModelLoader loader;
    private final Champions champions;
    private final SwapStatus status;
    private final InferenceMetrics metrics;
    private final Consumer<ServedModel> beforeServing;
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "samuel-inference-swap");
        thread.setDaemon(true);
        return thread;
    });

    private record Attempt(int version, long startedNanos) {
    }

    public SwapCoordinator(RegistryState registry, RegistryClient artifacts, ModelLoader loader, Champions champions,
                           SwapStatus status, InferenceMetrics metrics, Consumer<ServedModel> beforeServing) {
        this.registry = registry;
        this.artifacts = artifacts;
        this.loader = loader;
        this.champions = champions;
        this.status = status;
        this.metrics = metrics;
        this.beforeServing = beforeServing;
    }

    /**
     * Starts reconciling once {@code caughtUp} is true, so a restart loads each current champion once instead of
     * every champion in the log's history. Register {@link #onRecord} as a registry listener before the follower starts.
     */
    public void start(BooleanSupplier caughtUp) {
        worker.execute(() -> {
            while (!caughtUp.getAsBoolean()) {
                sleep(20);
            }
            registry.specs().forEach(spec -> reconcile(spec.model(), System.nanoTime()));
        });
    }

    /** A registry listener: an alias move, a spec, or the champion's version record may change what to serve. */
    public void onRecord(String key, RegistryRecord value) {
        var parsed = RegistryKey.parse(key);
        boolean relevant = value instanceof SpecRecord
                || value instanceof AliasRecord alias && AliasRecord.CHAMPION.equals(alias.alias())
                || value == null && parsed.kind() == RegistryKey.Kind.ALIAS
                    && AliasRecord.CHAMPION.equals(parsed.qualifier())
                || value instanceof VersionRecord version && isChampion(version);
        if (relevant) {
            long seen = System.nanoTime();
            worker.execute(() -> reconcile(parsed.model(), seen));
        }
    }

    private boolean isChampion(VersionRecord version) {
        return registry.alias(version.model(), AliasRecord.CHAMPION).map(a -> a.version() == version.version())
                .orElse(false);
    }

    private void reconcile(String model, long seenNanos) {
        var champion = registry.alias(model, AliasRecord.CHAMPION);
        if (champion.isEmpty()) {
            if (champions.servedVersion(model) != 0) {
                LOG.info("{} has no champion any more: no longer serving it", model);
            }
            champions.remove(model);
            status.forget(model);
            return;
        }
        int target = champion.get().version();
        status.wanted(model, target);
        if (champions.servedVersion(model) == target || triedSince(model, target, seenNanos)) {
            return;
        }
        attempts.put(model, new Attempt(target, System.nanoTime()));
        try {
            var served = load(model, target);
            beforeServing.accept(served);
            int previous = champions.swap(served);
            var took = Duration.ofNanos(System.nanoTime() - seenNanos);
            status.swapped(model);
            metrics.swapped(model, took);
            LOG.info("{}: serving version {} (was {}), swapped {} ms after the alias move was read", model, target,
                    previous, took.toMillis());
        } catch (ModelLoadException e) {
            refuse(model, target, e.failure(), e.getMessage());
        } catch (RuntimeException e) {
            refuse(model, target, LoadFailure.WARM_UP, e.toString());
        }
    }

    /**
     * A refused version is tried again only for a record read after the last try: a burst of records of the
     * model queued behind one refusal must not repeat it.
     */
    private boolean triedSince(String model, int target, long seenNanos) {
        var attempt = attempts.get(model);
        return attempt != null && attempt.version() == target && attempt.startedNanos() - seenNanos > 0;
    }

    private ServedModel load(String model, int version) throws ModelLoadException {
        var spec = registry.spec(model).orElseThrow(() -> new ModelLoadException(LoadFailure.NO_SPEC,
                model + " has a champion but no spec in the registry"));
        var record = registry.version(model, version).orElseThrow(() -> new ModelLoadException(LoadFailure.NO_VERSION,
                model + "@champion points at version " + version + ", which the registry does not have"));
        return loader.load(spec.spec(), record, download(record));
    }

    /** One try: a failed download is tried again at the next record of the model, and meanwhile the old one serves. */
    private byte[] download(VersionRecord record) throws ModelLoadException {
        try {
            return artifacts.artifact(record);
        } catch (ArtifactChecksumException e) {
            throw new ModelLoadException(LoadFailure.CHECKSUM, e.getMessage(), e);
        } catch (ServiceCallException e) {
            throw new ModelLoadException(LoadFailure.DOWNLOAD, e.getMessage(), e);
        }
    }

    private void refuse(String model, int version, LoadFailure failure, String message) {
        status.refused(model, new SwapStatus.Refusal(version, failure.code(), message, Instant.now()));
        metrics.loadFailed(model, failure);
        LOG.error("{}: refused version {} ({}), still serving version {}: {}", model, version, failure.code(),
                champions.servedVersion(model), message);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
