package dev.samuel.bench.tabular;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.spec.Input;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The specs {@code bench/run tabular} compares: the shipped {@code penguins-raw.json} as it is, the numeric-only spec
 * a user writes today for the same data, and a harder task from the same file (the sex, with the species read as a
 * category). Every one keeps the shipped spec's network and training settings, so only the inputs differ.
 */
final class TabularSpecs {

    static final Path SPEC = Path.of("examples/penguins/penguins-raw.json");

    private TabularSpecs() {
    }

    /** The shipped spec, parsed and validated as the registry does. */
    static ModelSpec raw(Path root) throws IOException {
        return ModelSpecs.parse(Files.readString(root.resolve(SPEC)));
    }

    /** The same model under another name: each ingest run needs topics of its own. */
    static ModelSpec named(ModelSpec spec, String name) {
        return new ModelSpec(name, spec.task(), spec.input(), spec.layers(), spec.loss(), spec.optimizer(), spec.init(),
                spec.training(), spec.promotion(), spec.topics(), spec.monitoring());
    }

    /** The numeric features only, none of which may be missing: what a user can send without the raw-record features. */
    static ModelSpec baseline(ModelSpec spec) {
        var input = new Input(null, spec.input().numericNames(), spec.input().standardize());
        return ModelSpecs.validated(new ModelSpec(spec.name() + "-baseline", spec.task(), input, spec.layers(),
                spec.loss(), spec.optimizer(), spec.init(), spec.training(), spec.promotion(), spec.topics(),
                spec.monitoring()));
    }

    /**
     * The penguin's sex from its species and island (one-hot) and the four measurements (missing: mean). Harder than
     * the species, which the measurements alone nearly decide; the sex depends on size relative to the species. The
     * network's output layer has one unit per sex.
     */
    static ModelSpec sex(ModelSpec species) throws IOException {
        var tree = (ObjectNode) Json.MAPPER.readTree(ModelSpecs.toJson(species));
        tree.put("name", species.name() + "-sex");
        tree.set("task", Json.MAPPER.readTree("{\"type\": \"classification\", \"classNames\": [\"FEMALE\", \"MALE\"]}"));
        var layers = tree.withArray("layers");
        ((ObjectNode) layers.get(layers.size() - 1)).put("dense", 2);
        var input = (ObjectNode) tree.get("input");
        var names = input.putArray("names").add("species").add("island");
        species.input().numericNames().forEach(names::add);
        input.set("categorical", Json.MAPPER.readTree("{\"species\": {}, \"island\": {}}"));
        input.remove("features");
        return ModelSpecs.parse(tree.toString());
    }
}
