package dev.samuel.cli.io;

import dev.samuel.contracts.event.Features;
import dev.samuel.contracts.event.FloatVector;
import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.event.UnlabelledEvent;

/** One example read from a file: its id (the record key), its features and, when labelled, its label. */
public record Row(String id, Features features, Label label, Float weight) {

    public boolean labelled() {
        return label != null;
    }

    /** The row with every feature multiplied by {@code factor} (pixels 0..255 read as v / 255, for one). */
    public Row scaled(float factor) {
        if (factor == 1f) {
            return this;
        }
        if (features instanceof FloatVector vector) {
            var values = vector.values().clone();
            for (int i = 0; i < values.length; i++) {
                values[i] *= factor;
            }
            return new Row(id, Features.of(values), label, weight);
        }
        // Strings are no numbers to scale; they keep their names, and a missing value (NaN) stays missing.
        var named = (Features.Named) features;
        var scaled = new java.util.LinkedHashMap<String, Float>();
        named.values().forEach((name, value) -> scaled.put(name, value * factor));
        return new Row(id, new Features.Named(scaled, named.strings()), label, weight);
    }

    public LabelledExample example() {
        return new LabelledExample(features, label, weight);
    }

    public UnlabelledEvent event() {
        return new UnlabelledEvent(features);
    }
}
