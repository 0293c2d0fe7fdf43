package dev.samuel.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureStatsTest {

    @Test
    void meanAndPopulationStandardDeviationPerFeature() {
        // Grams beside millimetres: scales six orders of magnitude apart.
        var rows = List.of(new float[] {1000f, 0.001f, 5f}, new float[] {3000f, 0.003f, 5f});

        var stats = FeatureStats.of(rows, 3);

        assertThat(stats.mean()[0]).isCloseTo(2000f, within(1e-3f));
        assertThat(stats.std()[0]).isCloseTo(1000f, within(1e-3f));
        assertThat(stats.mean()[1]).isCloseTo(0.002f, within(1e-9f));
        assertThat(stats.std()[1]).isCloseTo(0.001f, within(1e-9f));
    }

    @Test
    void aConstantFeatureIsCentredNotDividedByZero() {
        var stats = FeatureStats.of(List.of(new float[] {5f}, new float[] {5f}), 1);

        assertThat(stats.mean()[0]).isEqualTo(5f);
        assertThat(stats.std()[0]).isEqualTo(1f);
    }

    @Test
    void identityLeavesFeaturesAsTheyAre() {
        var identity = FeatureStats.identity(2);

        assertThat(identity.mean()).containsExactly(0f, 0f);
        assertThat(identity.std()).containsExactly(1f, 1f);
    }
}
