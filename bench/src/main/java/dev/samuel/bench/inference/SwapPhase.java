package dev.samuel.bench.inference;

import dev.samuel.inference.support.Registry;
import java.time.Duration;
import java.util.ArrayList;

/**
 * Events at a paced rate while the champion is promoted every 2 s (versions 2, 3, ...): each swap's time is from
 * the promotion's write to the registry being acknowledged to the first committed prediction of the new version.
 */
final class SwapPhase {

    private final Registry registry;
    private final Observer observer;
    private final InferenceBenchmark.EventSource source;
    private final int rate;

    SwapPhase(Registry registry, Observer observer, InferenceBenchmark.EventSource source, int rate) {
        this.registry = registry;
        this.observer = observer;
        this.source = source;
        this.rate = rate;
    }

    Percentiles run(int swaps) throws Exception {
        var failure = new Exception[1];
        var pacing = new Thread(() -> {
            try {
                source.paced(rate, Duration.ofSeconds(2L * swaps + 2));
            } catch (InterruptedException e) {
                failure[0] = e;
            }
        });
        pacing.start();
        var promotedAt = new long[swaps + 2];
        for (int version = 2; version <= swaps + 1; version++) {
            Thread.sleep(2000);
            registry.champion(InferenceBenchmark.MODEL, version);
            promotedAt[version] = System.currentTimeMillis();
        }
        pacing.join();
        observer.await(source.sent(), Duration.ofMinutes(2));
        var took = new ArrayList<Long>();
        for (int version = 2; version <= swaps + 1; version++) {
            var seen = observer.firstSeen(version);
            if (seen == null) {
                throw new IllegalStateException("version " + version + " never made a prediction", failure[0]);
            }
            took.add(seen - promotedAt[version]);
        }
        System.out.println("swap times (ms): " + took);
        return Percentiles.of(took);
    }
}
