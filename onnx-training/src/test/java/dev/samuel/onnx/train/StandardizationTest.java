package dev.samuel.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StandardizationTest {

    static Dataset rows(int features, float... values) {
        return Dataset.regression(values, features, new float[values.length / features], 1);
    }

    @Test
    void meanAndPopulationStandardDeviationPerFeature() {
        // Grams beside millimetres: scales six orders of magnitude apart.
        var stats = Standardization.fit(rows(3, 1000f, 0.001f, 5f, 3000f, 0.003f, 5f));

        assertThat(stats.mean()[0]).isCloseTo(2000f, within(1e-3f));
        assertThat(stats.std()[0]).isCloseTo(1000f, within(1e-3f));
        assertThat(stats.mean()[1]).isCloseTo(0.002f, within(1e-9f));
        assertThat(stats.std()[1]).isCloseTo(0.001f, within(1e-9f));
    }

    @Test
    void aLargeMeanDoesNotCancelASmallSpread() {
        // Years: a sum of squares in double loses the +-0.5 beside 2000^2 * rows; Welford's update keeps it.
        var years = new float[10_000];
        for (int i = 0; i < years.length; i++) {
            years[i] = 2000f + (i % 2 == 0 ? 0.5f : -0.5f);
        }

        assertThat(Standardization.fit(rows(1, years)).std()[0]).isCloseTo(0.5f, within(1e-6f));
    }

    @Test
    void aConstantFeatureIsCentredNotDividedByZero() {
        var stats = Standardization.fit(rows(1, 5f, 5f));

        assertThat(stats.mean()[0]).isEqualTo(5f);
        assertThat(stats.std()[0]).isEqualTo(1f);
    }

    @Test
    void identityLeavesFeaturesAsTheyAre() {
        var identity = Standardization.identity(2);

        assertThat(identity.mean()).containsExactly(0f, 0f);
        assertThat(identity.std()).containsExactly(1f, 1f);
    }
}
