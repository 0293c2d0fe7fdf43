package dev.samuel.contracts.monitoring;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.model.ProgramMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The training data's distribution of each input feature, stored with the version it trained (the program's
 * {@code metadata_props}, key {@link ProgramMetadata#INPUT_SUMMARY}) so that inference can compare the events it scores
 * with it (docs/design.md, realised performance and drift). One rule for both sides: the trainer bins the training
 * rows with {@link Feature#bin}, inference bins the events it scores with the same method, and {@link #psi} compares.
 *
 * <p>Per feature, in the order the network reads them: the inner edges of its decile bins (the training split's 10th,
 * 20th, ..., 90th percentile, each edge a value of the data; an edge no greater than the one before it, or than the
 * minimum, is dropped, so a feature with few distinct values has fewer bins and a constant feature none) and the
 * share of the training rows in each bin. A value goes to the bin of the edges at or below it, so no bin is empty in
 * the training data. Programs reading more than {@link #MAX_FEATURES} features (images) get no summary: a PSI per
 * pixel says nothing and the metadata would be large.
 *
 * @param rows     the training rows the proportions count
 * @param features one per input feature, by index
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InputSummary(long rows, List<Feature> features) {

    /** Widest input that gets a summary. */
    public static final int MAX_FEATURES = 100;
    /** The edges are read from at most this many rows (an even stride through them); the proportions count all. */
    public static final int MAX_SAMPLE = 100_000;
    /**
     * The least share a bin counts as in {@link #psi}: an empty bin would make the logarithm infinite. 0.01 %, so an
     * empty served bin that held a tenth of the training data adds about 0.69, and a served share in a bin the
     * training data never reached (a new extreme) adds a little over its share times ln(share / 0.0001).
     */
    public static final double EPSILON = 1e-4;
    private static final int DECILES = 10;

    public InputSummary {
        features = List.copyOf(features);
    }

    /** One feature: {@code edges.length + 1} bins, their training shares summing to 1. */
    public record Feature(float[] edges, double[] proportions) {

        public Feature {
            if (edges == null || proportions == null || proportions.length != edges.length + 1) {
                throw new IllegalArgumentException("a feature needs one proportion more than it has edges");
            }
            for (int i = 0; i < edges.length; i++) {
                if (!Float.isFinite(edges[i]) || i > 0 && edges[i] <= edges[i - 1]) {
                    throw new IllegalArgumentException("edges must be finite and increasing: " + Arrays.toString(edges));
                }
            }
            edges = edges.clone();
            proportions = proportions.clone();
        }

        public int bins() {
            return proportions.length;
        }

        /**
         * The bin of {@code value}: how many edges are at or below it (a binary search, at most 4 steps). A missing
         * value (NaN) is below every edge: it counts in the first bin, on both sides, so more missing values move
         * the PSI as a shift towards that bin does.
         */
        public int bin(float value) {
            int low = 0;
            int high = edges.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (edges[middle] <= value) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        @Override
        public float[] edges() {
            return edges.clone();
        }

        @Override
        public double[] proportions() {
            return proportions.clone();
        }

        /**
         * Population stability index of {@code counts} (served rows per bin, {@code total} in all) against the
         * training shares: {@code sum((served - train) * ln(served / train))}, each share at least {@link #EPSILON}.
         * 0 for the same distribution; 0.1 is a moderate shift, 0.25 a significant one.
         */
        public double psi(int[] counts, int total) {
            double psi = 0;
            for (int bin = 0; bin < proportions.length; bin++) {
                double served = Math.max(EPSILON, total == 0 ? 0 : (double) counts[bin] / total);
                double train = Math.max(EPSILON, proportions[bin]);
                psi += (served - train) * Math.log(served / train);
            }
            return psi;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Feature that && Arrays.equals(edges, that.edges)
                    && Arrays.equals(proportions, that.proportions);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(edges) + Arrays.hashCode(proportions);
        }

        @Override
        public String toString() {
            return "Feature" + Arrays.toString(edges) + Arrays.toString(proportions);
        }
    }

    /** The summary of these rows (all of one width); empty when there are none or they are wider than {@link #MAX_FEATURES}. */
    public static Optional<InputSummary> of(List<float[]> rows) {
        if (rows.isEmpty() || rows.get(0).length > MAX_FEATURES) {
            return Optional.empty();
        }
        int width = rows.get(0).length;
        var features = new ArrayList<Feature>(width);
        for (int f = 0; f < width; f++) {
            features.add(feature(rows, f));
        }
        return Optional.of(new InputSummary(rows.size(), features));
    }

    private static Feature feature(List<float[]> rows, int f) {
        int stride = (rows.size() + MAX_SAMPLE - 1) / MAX_SAMPLE;
        var sample = new float[(rows.size() + stride - 1) / stride];
        int present = 0;
        for (int i = 0; i < sample.length; i++) {
            float value = rows.get(i * stride)[f];
            if (!Float.isNaN(value)) {
                sample[present++] = value;
            }
        }
        sample = Arrays.copyOf(sample, present);
        Arrays.sort(sample);
        var edges = new float[DECILES - 1];
        int count = 0;
        float below = present == 0 ? Float.NaN : sample[0];
        for (int k = 1; k < DECILES && present > 0; k++) {
            float edge = sample[(int) ((long) k * sample.length / DECILES)];
            if (edge > below) {
                edges[count++] = edge;
                below = edge;
            }
        }
        var binned = new Feature(Arrays.copyOf(edges, count), new double[count + 1]);
        var counts = new long[count + 1];
        for (var row : rows) {
            counts[binned.bin(row[f])]++;
        }
        var proportions = new double[count + 1];
        for (int bin = 0; bin <= count; bin++) {
            // Six decimals: exact enough for a PSI, and the metadata stays short.
            proportions[bin] = Math.round(1e6 * counts[bin] / rows.size()) / 1e6;
        }
        return new Feature(binned.edges, proportions);
    }

    /** The PSI of every feature, from served counts per feature and bin over {@code total} rows. */
    public double[] psi(int[][] counts, int total) {
        var psi = new double[features.size()];
        for (int f = 0; f < psi.length; f++) {
            psi[f] = features.get(f).psi(counts[f], total);
        }
        return psi;
    }

    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads what {@link #toJson()} wrote; an unreadable or inconsistent summary is an {@link IllegalArgumentException}. */
    public static InputSummary fromJson(String json) {
        try {
            // Jackson reports what the constructors refuse (no features, edges out of order) as an IOException too.
            return Json.MAPPER.readValue(json, InputSummary.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable input summary: " + e.getMessage(), e);
        }
    }

    /** The summary a program carries in its metadata, if any. */
    public static Optional<InputSummary> read(Map<String, String> metadata) {
        var json = metadata.get(ProgramMetadata.INPUT_SUMMARY);
        return json == null ? Optional.empty() : Optional.of(fromJson(json));
    }
}
