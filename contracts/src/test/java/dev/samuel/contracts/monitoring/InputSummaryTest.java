package dev.samuel.contracts.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.model.ProgramMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The one binning and PSI rule the trainer and inference share, on distributions whose answer is known. */
class InputSummaryTest {

    /** Rows of {@code width} features, feature f uniform on [f, f + 1) shifted by {@code shift}. */
    private static List<float[]> uniform(int rows, int width, double shift, long seed) {
        var random = new Random(seed);
        var out = new ArrayList<float[]>();
        for (int i = 0; i < rows; i++) {
            var row = new float[width];
            for (int f = 0; f < width; f++) {
                row[f] = (float) (f + shift + random.nextDouble());
            }
            out.add(row);
        }
        return out;
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static int[][] counts(InputSummary summary, List<float[]> rows) {
        var counts = new int[summary.features().size()][];
        for (int f = 0; f < counts.length; f++) {
            var feature = summary.features().get(f);
            counts[f] = new int[feature.bins()];
            for (var row : rows) {
                counts[f][feature.bin(row[f])]++;
            }
        }
        return counts;
    }

    @Test
    void theEdgesAreTheTrainingDeciles() {
        var rows = uniform(10_000, 2, 0, 1);

        var summary = InputSummary.of(rows).orElseThrow();

        assertThat(summary.rows()).isEqualTo(10_000);
        assertThat(summary.features()).hasSize(2);
        for (int f = 0; f < 2; f++) {
            var feature = summary.features().get(f);
            assertThat(feature.edges()).hasSize(9);
            for (int k = 1; k <= 9; k++) {
                assertThat((double) feature.edges()[k - 1]).isCloseTo(f + k / 10.0, Offset.offset(0.02));
            }
            assertThat(boxed(feature.proportions())).allSatisfy(p -> assertThat(p).isCloseTo(0.1, Offset.offset(1e-3)));
        }
    }

    @Test
    void theSameDistributionHasAPsiNearZero() {
        var summary = InputSummary.of(uniform(10_000, 3, 0, 1)).orElseThrow();
        var served = uniform(1000, 3, 0, 2);

        var psi = summary.psi(counts(summary, served), served.size());

        assertThat(boxed(psi)).allSatisfy(p -> assertThat(p).isBetween(0.0, 0.05));
    }

    @Test
    void aShiftOfOneBinIsLargeAndNamesItsFeature() {
        var summary = InputSummary.of(uniform(10_000, 3, 0, 1)).orElseThrow();
        var served = uniform(1000, 3, 0, 2);
        // Feature 1 moves up by a tenth of its range: one decile empties, values above the top edge pile up.
        served.forEach(row -> row[1] += 0.1f);

        var psi = summary.psi(counts(summary, served), served.size());

        assertThat(psi[0]).isLessThan(0.05);
        assertThat(psi[2]).isLessThan(0.05);
        assertThat(psi[1]).isGreaterThan(0.5);
    }

    @Test
    void anEmptyBinOnEitherSideIsFinite() {
        var feature = new InputSummary.Feature(new float[] {1, 2}, new double[] {0.5, 0.5, 0});

        double allInANewBin = feature.psi(new int[] {0, 0, 100}, 100);
        double oneEmptied = feature.psi(new int[] {0, 100, 0}, 100);
        double none = feature.psi(new int[] {0, 0, 0}, 0);

        // (1 - 1e-4) ln(1 / 1e-4) for the new bin, twice (0.5 - 1e-4) ln(0.5 / 1e-4) for the emptied ones.
        assertThat(allInANewBin).isCloseTo(2 * (0.5 - 1e-4) * Math.log(0.5 / 1e-4) + (1 - 1e-4) * Math.log(1e4),
                Offset.offset(1e-9));
        assertThat(oneEmptied).isCloseTo((0.5 - 1e-4) * Math.log(0.5 / 1e-4) + 0.5 * Math.log(2), Offset.offset(1e-9));
        assertThat(none).isFinite();
        assertThat(feature.psi(new int[] {50, 50, 0}, 100)).isCloseTo(0, Offset.offset(1e-12));
    }

    @Test
    void aValueOnAnEdgeGoesAboveIt() {
        var feature = new InputSummary.Feature(new float[] {1, 2, 3}, new double[] {0.25, 0.25, 0.25, 0.25});

        assertThat(feature.bin(0.5f)).isZero();
        assertThat(feature.bin(1f)).isEqualTo(1);
        assertThat(feature.bin(2.5f)).isEqualTo(2);
        assertThat(feature.bin(3f)).isEqualTo(3);
        assertThat(feature.bin(Float.MAX_VALUE)).isEqualTo(3);
    }

    @Test
    void fewDistinctValuesGiveFewerBinsAndNoneIsEmpty() {
        var random = new Random(4);
        var rows = new ArrayList<float[]>();
        for (int i = 0; i < 1000; i++) {
            // 0 with probability 0.7, else 1 or 2; and a constant.
            double u = random.nextDouble();
            rows.add(new float[] {u < 0.7 ? 0 : u < 0.85 ? 1 : 2, 5});
        }

        var summary = InputSummary.of(rows).orElseThrow();

        var categorical = summary.features().get(0);
        assertThat(categorical.edges()).containsExactly(1f, 2f);
        assertThat(boxed(categorical.proportions())).allSatisfy(p -> assertThat(p).isPositive());
        assertThat(categorical.proportions()[0]).isCloseTo(0.7, Offset.offset(0.05));
        var constant = summary.features().get(1);
        assertThat(constant.edges()).isEmpty();
        assertThat(constant.proportions()).containsExactly(1.0);
        assertThat(constant.psi(new int[] {10}, 10)).isZero();
    }

    @Test
    void wideInputsAndNoRowsGetNoSummary() {
        assertThat(InputSummary.of(uniform(10, InputSummary.MAX_FEATURES + 1, 0, 1))).isEmpty();
        assertThat(InputSummary.of(uniform(10, InputSummary.MAX_FEATURES, 0, 1))).isPresent();
        assertThat(InputSummary.of(List.of())).isEmpty();
    }

    @Test
    void aLargeTrainingSetIsSampledForItsEdgesAndCountedWhole() {
        var rows = uniform(InputSummary.MAX_SAMPLE * 2 + 7, 1, 0, 5);

        var feature = InputSummary.of(rows).orElseThrow().features().get(0);

        assertThat(feature.edges()).hasSize(9);
        assertThat(feature.edges()[4]).isCloseTo(0.5f, Offset.offset(0.01f));
        double sum = 0;
        for (double p : feature.proportions()) {
            sum += p;
        }
        assertThat(sum).isCloseTo(1.0, Offset.offset(1e-5));
    }

    @Test
    void itIsWrittenAsJsonAndReadBackFromTheMetadata() {
        var summary = InputSummary.of(uniform(500, 4, 0, 1)).orElseThrow();

        var json = summary.toJson();

        assertThat(json).startsWith("{\"rows\":500,\"features\":[{\"edges\":[");
        assertThat(InputSummary.fromJson(json)).isEqualTo(summary);
        assertThat(InputSummary.read(Map.of(ProgramMetadata.INPUT_SUMMARY, json))).contains(summary);
        assertThat(InputSummary.read(Map.of())).isEmpty();
    }

    @Test
    void anInconsistentSummaryIsRefused() {
        assertThatThrownBy(() -> InputSummary.fromJson("{\"rows\": 1, \"features\": [{\"edges\": [2, 1],"
                + " \"proportions\": [0.3, 0.3, 0.4]}]}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("increasing");
        assertThatThrownBy(() -> InputSummary.fromJson("{\"rows\": 1, \"features\": [{\"edges\": [1],"
                + " \"proportions\": [1]}]}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InputSummary.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InputSummary.fromJson("{\"rows\": 1}")).isInstanceOf(IllegalArgumentException.class);
    }
}
