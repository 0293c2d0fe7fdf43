package dev.samuel.contracts.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each named feature of an {@link Input} goes: its position among the numbers, or among the categories. Worked
 * out once per input and kept ({@link Input#layout()}), since every named example asks for each of its features: a
 * reader takes the layout once per example, as finding it hashes the whole input.
 */
public record InputLayout(Map<String, Integer> numbers, Map<String, Integer> categories) {

    /** Few inputs are ever seen (one per spec version), so the cache stays small. */
    private static final Map<Input, InputLayout> LAYOUTS = new ConcurrentHashMap<>();

    static InputLayout of(Input input) {
        return LAYOUTS.computeIfAbsent(input, InputLayout::lay);
    }

    private static InputLayout lay(Input input) {
        return new InputLayout(positions(input.numericNames()), positions(input.categoricalNames()));
    }

    private static Map<String, Integer> positions(List<String> names) {
        var positions = new HashMap<String, Integer>();
        if (names != null) {
            for (int i = 0; i < names.size(); i++) {
                positions.putIfAbsent(names.get(i), i);
            }
        }
        return Map.copyOf(positions);
    }

    /** The position of a named numeric feature among the numbers, or -1. */
    public int number(String name) {
        return numbers.getOrDefault(name, -1);
    }

    /** The position of a categorical feature among the categories, or -1. */
    public int category(String name) {
        return categories.getOrDefault(name, -1);
    }
}
