package dev.samuel.trainer.engine;

import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.train.Vocabularies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A warm start across vocabularies: the new job learned its own vocabularies, so the parameters that have a row per
 * category (an embedding table; the first dense layer's rows reading one-hot buckets) change shape. Each row of a
 * value both vocabularies hold, and of the "other" bucket, is carried over from the version; a new value's row
 * keeps the new network's initial value. Every other parameter is taken as it is.
 */
final class CategoryCarryOver {

    /** The first layer of a tabular spec: input.categorical rules out convolutions, so it is a dense one. */
    static final String FIRST_WEIGHT = "dense1.weight";

    private CategoryCarryOver() {
    }

    /**
     * @param trained the version's parameters by name
     * @param initial the new network's initial parameters, shaped by the new vocabularies
     */
    static Map<String, Tensor> carried(ModelSpec spec, Vocabularies before, Vocabularies now,
                                       Map<String, Tensor> trained, Map<String, Tensor> initial) {
        var out = new LinkedHashMap<>(trained);
        var names = spec.input().categoricalNames();
        int numeric = Math.toIntExact(initial.get(FIRST_WEIGHT).shape().dim(0)) - width(spec, now);
        var firstRows = new java.util.ArrayList<Integer>();
        for (int i = 0; i < numeric; i++) {
            firstRows.add(i);
        }
        int previousOffset = numeric;
        for (int c = 0; c < names.size(); c++) {
            var rule = spec.input().categorical().get(names.get(c));
            int[] buckets = buckets(before.of(c), now.of(c));
            if (rule.oneHot()) {
                for (int bucket : buckets) {
                    firstRows.add(bucket < 0 ? -1 : previousOffset + bucket);
                }
                previousOffset += before.of(c).size() + 1;
            } else {
                var table = "embedding." + names.get(c);
                out.put(table, rows(trained.get(table), initial.get(table), buckets));
                for (int i = 0; i < rule.embedding(); i++) {
                    firstRows.add(previousOffset + i);
                }
                previousOffset += rule.embedding();
            }
        }
        out.put(FIRST_WEIGHT, rows(trained.get(FIRST_WEIGHT), initial.get(FIRST_WEIGHT),
                firstRows.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /** What the first layer reads from the categorical features: one-hot buckets or embedding widths. */
    private static int width(ModelSpec spec, Vocabularies now) {
        var names = spec.input().categoricalNames();
        int width = 0;
        for (int c = 0; c < names.size(); c++) {
            var rule = spec.input().categorical().get(names.get(c));
            width += rule.oneHot() ? now.of(c).size() + 1 : rule.embedding();
        }
        return width;
    }

    /** For each new bucket, the old bucket of the same value (the "other" bucket to "other"), or -1 for a new value. */
    private static int[] buckets(List<String> before, List<String> now) {
        int[] map = new int[now.size() + 1];
        for (int i = 0; i < now.size(); i++) {
            map[i] = before.indexOf(now.get(i));
        }
        map[now.size()] = before.size();
        return map;
    }

    /** Rows of {@code fresh}'s shape: row r from {@code old}'s row map[r], or fresh's own where map[r] is -1. */
    private static Tensor rows(Tensor old, Tensor fresh, int[] map) {
        int width = Math.toIntExact(fresh.shape().dim(1));
        if (old == null || old.shape().rank() != 2 || old.shape().dim(1) != width) {
            return old; // the caller's shape check names it
        }
        float[] from = old.floats();
        float[] to = fresh.floats();
        for (int r = 0; r < map.length; r++) {
            if (map[r] >= 0) {
                System.arraycopy(from, map[r] * width, to, r * width, width);
            }
        }
        return Tensor.floats(fresh.name(), to, fresh.shape().dims());
    }
}
