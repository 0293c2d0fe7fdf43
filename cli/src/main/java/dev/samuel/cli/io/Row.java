package dev.samuel.cli.io;

import dev.samuel.contracts.event.Features;
import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.event.UnlabelledEvent;

/** One example read from a file: its id (the record key), its features and, when labelled, its label. */
public record Row(String id, Features features, Label label, Float weight) {

    public boolean labelled() {
        return label != null;
    }

    public LabelledExample example() {
        return new LabelledExample(features, label, weight);
    }

    public UnlabelledEvent event() {
        return new UnlabelledEvent(features);
    }
}
