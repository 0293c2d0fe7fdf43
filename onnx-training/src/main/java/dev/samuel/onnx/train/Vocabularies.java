package dev.samuel.onnx.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.samuel.contracts.event.FeatureRow;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.spec.Categorical;
import dev.samuel.contracts.spec.Input;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each categorical feature's vocabulary ({@code input.categorical}), in {@code input.names} order, learned from a
 * job's training data so that a new job learns a new one: the {@code maxValues} most frequent values seen at least
 * {@code minCount} times, most frequent first (ties in text order, so a job's vocabulary does not depend on the order
 * of its data). A value's bucket is its position; every other value, and a missing one, falls in bucket {@code size}.
 */
public record Vocabularies(List<List<String>> values) {

    public Vocabularies {
        values = values.stream().map(List::copyOf).toList();
    }

    /** No categorical features. */
    public static Vocabularies none() {
        return new Vocabularies(List.of());
    }

    public static Vocabularies fit(Input input, Dataset data) {
        return fit(input, List.of(data));
    }

    /** The same over data read in chunks, in one pass (none without categorical features). */
    public static Vocabularies fit(Input input, Iterable<Dataset> chunks) {
        var names = input.categoricalNames();
        if (names.isEmpty()) {
            return none();
        }
        var counts = new ArrayList<Map<String, Integer>>(names.size());
        names.forEach(name -> counts.add(new HashMap<>()));
        for (var chunk : chunks) {
            count(chunk, counts);
        }
        var out = new ArrayList<List<String>>(names.size());
        for (int c = 0; c < names.size(); c++) {
            out.add(vocabulary(input.categorical().get(names.get(c)), counts.get(c)));
        }
        return new Vocabularies(out);
    }

    private static void count(Dataset data, List<Map<String, Integer>> counts) {
        String[] categories = data.categories();
        for (int column = 0; column < counts.size(); column++) {
            for (int r = 0; r < data.rows(); r++) {
                String value = categories[r * data.categoryCount() + column];
                if (!FeatureRow.MISSING.equals(value)) {
                    counts.get(column).merge(value, 1, Integer::sum);
                }
            }
        }
    }

    private static List<String> vocabulary(Categorical rule, Map<String, Integer> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() >= rule.minCount())
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(rule.maxValues()).map(Map.Entry::getKey).toList();
    }

    /** As written in a program's metadata: an object of each feature's vocabulary by name. */
    public String toJson(Input input) {
        var byName = new java.util.LinkedHashMap<String, List<String>>();
        var names = input.categoricalNames();
        for (int c = 0; c < names.size(); c++) {
            byName.put(names.get(c), values.get(c));
        }
        try {
            return Json.MAPPER.writeValueAsString(byName);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The vocabularies a program's metadata holds for the spec's categorical features; empty if it lacks one. */
    public static java.util.Optional<Vocabularies> fromJson(String json, Input input) {
        Map<String, List<String>> byName;
        try {
            byName = Json.MAPPER.readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            return java.util.Optional.empty();
        }
        var out = new ArrayList<List<String>>();
        for (String name : input.categoricalNames()) {
            if (!byName.containsKey(name)) {
                return java.util.Optional.empty();
            }
            out.add(byName.get(name));
        }
        return java.util.Optional.of(new Vocabularies(out));
    }

    public int columns() {
        return values.size();
    }

    public List<String> of(int column) {
        return values.get(column);
    }
}
