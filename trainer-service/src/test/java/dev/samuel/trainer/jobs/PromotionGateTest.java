package dev.samuel.trainer.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.spec.Promotion;
import dev.samuel.trainer.jobs.PromotionGate.Scored;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionGateTest {

    @Test
    void theFirstVersionNeedsOnlyAFiniteLoss() {
        assertThat(PromotionGate.decide(2.3, Optional.empty(), Promotion.DEFAULT).promoted()).isTrue();
        assertThat(PromotionGate.decide(Double.NaN, Optional.empty(), Promotion.DEFAULT).promoted()).isFalse();
        assertThat(PromotionGate.decide(Double.POSITIVE_INFINITY, Optional.empty(), Promotion.DEFAULT).reason())
                .contains("not finite");
    }

    @Test
    void aCandidateMustBeatTheChampionByTheMinimumImprovement() {
        var champion = Optional.of(new Scored(3, 0.40));
        var strict = new Promotion(0.05);

        assertThat(PromotionGate.decide(0.34, champion, strict).promoted()).isTrue();
        assertThat(PromotionGate.decide(0.36, champion, strict).promoted()).isFalse();
        assertThat(PromotionGate.decide(0.40, champion, Promotion.DEFAULT).promoted()).isFalse();
        assertThat(PromotionGate.decide(0.39, champion, Promotion.DEFAULT).promoted()).isTrue();
    }

    @Test
    void theDecisionSaysWhyAndAgainstWhom() {
        var decision = PromotionGate.decide(0.5, Optional.of(new Scored(7, 0.25)), Promotion.DEFAULT);

        assertThat(decision.championVersion()).isEqualTo(7);
        assertThat(decision.championTestLoss()).isEqualTo(0.25);
        assertThat(decision.reason()).isEqualTo("test loss 0.50000 >= 0.25000 (champion v7 0.25000 minus minImprovement 0.0)");
    }

    @Test
    void aChampionThatNoLongerFitsTheSpecGivesWayToAFiniteCandidate() {
        var decision = PromotionGate.overUnfitChampion(0.7, 4, "the program's output 'scores' has 3 values per row; "
                + "the spec of m needs 4 (task.classes 4)");

        assertThat(decision.promoted()).isTrue();
        assertThat(decision.championVersion()).isEqualTo(4);
        assertThat(decision.championTestLoss()).isNull();
        assertThat(decision.reason()).isEqualTo("test loss 0.70000; champion v4 cannot be judged under the current spec: "
                + "the program's output 'scores' has 3 values per row; the spec of m needs 4 (task.classes 4)");
        assertThat(PromotionGate.overUnfitChampion(Double.NaN, 4, "why").promoted()).isFalse();
    }
}
