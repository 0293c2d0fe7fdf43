package dev.samuel.trainer.jobs;

import dev.samuel.contracts.job.JobRecord.Decision;
import dev.samuel.contracts.spec.Promotion;
import java.util.Optional;

/**
 * Decides whether a candidate becomes champion. Both test losses are measured by the trainer on the same
 * current holdout, so a champion trained on an older holdout is not judged by its stale number.
 */
public final class PromotionGate {

    /** A version's test loss on the current holdout. */
    public record Scored(int version, double testLoss) {
    }

    private PromotionGate() {
    }

    public static Decision decide(double candidateLoss, Optional<Scored> champion, Promotion promotion) {
        if (!Double.isFinite(candidateLoss)) {
            return new Decision(false, "test loss " + candidateLoss + " is not finite",
                    champion.map(Scored::version).orElse(null), champion.map(Scored::testLoss).orElse(null));
        }
        if (champion.isEmpty()) {
            return new Decision(true, "first version with a finite test loss (" + format(candidateLoss) + ")",
                    null, null);
        }
        var current = champion.get();
        double needed = current.testLoss() - promotion.minImprovement();
        boolean promoted = candidateLoss < needed;
        var reason = "test loss " + format(candidateLoss) + (promoted ? " < " : " >= ")
                + format(needed) + " (champion v" + current.version() + " " + format(current.testLoss())
                + " minus minImprovement " + promotion.minImprovement() + ")";
        return new Decision(promoted, reason, current.version(), current.testLoss());
    }

    /**
     * A champion that no longer fits the current spec (its classes or features changed) cannot be judged on the
     * holdout, and inference would refuse to serve it: a candidate with a finite loss replaces it.
     */
    public static Decision overUnfitChampion(double candidateLoss, int championVersion, String why) {
        boolean promoted = Double.isFinite(candidateLoss);
        var reason = (promoted ? "test loss " + format(candidateLoss) : "test loss " + candidateLoss + " is not finite")
                + "; champion v" + championVersion + " cannot be judged under the current spec: " + why;
        return new Decision(promoted, reason, championVersion, null);
    }

    private static String format(double loss) {
        return String.format(java.util.Locale.ROOT, "%.5f", loss);
    }
}
