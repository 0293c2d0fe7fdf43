package dev.samuel.contracts.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.samuel.contracts.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example spec the repository shows validates against the published schema and parses with the platform's own
 * reader and validator: the {@code *.json} specs under {@code examples/}, and every {@code ```json} block of the
 * Markdown files under {@code docs/} and {@code examples/} and of the root README that holds a spec (an object with
 * {@code layers}). Every other {@code ```json} block there must at least be JSON. docs/model-spec.md must show each
 * task, loss, layer kind and activation in a complete spec.
 */
class ExampleSpecsTest {

    /** The repository: tests run in the module's folder. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Schema SCHEMA =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(ModelSpecSchema.json());

    /** A spec as it appears in a file; {@code where} names the file and, for Markdown, the block's line. */
    record Example(String where, String json) {
        @Override
        public String toString() {
            return where;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void validatesAgainstTheSchemaAndParses(Example example) {
        assertThat(SCHEMA.validate(example.json(), InputFormat.JSON)).as(example.where()).isEmpty();
        assertThatCode(() -> ModelSpecs.parse(example.json())).as(example.where()).doesNotThrowAnyException();
    }

    @Test
    void findsTheExamples() {
        var where = specs().map(Example::where).toList();

        assertThat(where).contains("examples/mnist/digits.json", "examples/penguins/penguins.json");
        assertThat(where.stream().filter(w -> w.startsWith("docs/model-spec.md")).count()).isGreaterThanOrEqualTo(14);
    }

    @Test
    void everyJsonBlockOfTheDocsIsJson() {
        for (var file : markdown()) {
            var text = read(file);
            var blocks = JSON_BLOCK.matcher(text);
            while (blocks.find()) {
                var at = ROOT.relativize(file) + ":" + line(text, blocks.start());
                assertThatCode(() -> Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .readTree(blocks.group(1))).as(at).doesNotThrowAnyException();
            }
        }
    }

    /** The reference shows one complete example of every task, loss, layer kind and activation. */
    @Test
    void theReferenceShowsEveryKindOfSpec() {
        var tasks = new TreeSet<String>();
        var losses = new TreeSet<String>();
        var kinds = new TreeSet<String>();
        var activations = new TreeSet<String>();
        specs().filter(e -> e.where().startsWith("docs/model-spec.md")).map(e -> ModelSpecs.parse(e.json()))
                .forEach(spec -> {
                    tasks.add(spec.task().type() + (spec.task().classNames() != null ? " with classNames"
                            : spec.task().isClassification() ? "" : spec.task().outputs() == 1 ? " of one" : " of several"));
                    losses.add(spec.loss());
                    spec.layers().forEach(layer -> {
                        kinds.add(layer.kind());
                        if (layer instanceof DenseLayer dense && dense.activation() != null) {
                            activations.add(dense.activation());
                        }
                        if (layer instanceof Conv2dLayer conv && conv.activation() != null) {
                            activations.add(conv.activation());
                        }
                    });
                });

        assertThat(tasks).contains("classification", "classification with classNames", "regression of one",
                "regression of several");
        assertThat(losses).containsExactlyInAnyOrderElementsOf(ModelSpec.LOSSES);
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(Layer.KINDS);
        assertThat(activations).containsExactlyInAnyOrderElementsOf(Layer.ACTIVATIONS);
    }

    static Stream<Example> specs() {
        var examples = new ArrayList<Example>();
        for (var file : files(ROOT.resolve("examples"), ".json")) {
            var json = read(file);
            if (isSpec(json)) {
                examples.add(new Example(ROOT.relativize(file).toString(), json));
            }
        }
        for (var file : markdown()) {
            var text = read(file);
            var blocks = JSON_BLOCK.matcher(text);
            while (blocks.find()) {
                if (isSpec(blocks.group(1))) {
                    examples.add(new Example(ROOT.relativize(file) + ":" + line(text, blocks.start()), blocks.group(1)));
                }
            }
        }
        return examples.stream();
    }

    private static List<Path> markdown() {
        var files = new ArrayList<>(files(ROOT.resolve("docs"), ".md"));
        files.addAll(files(ROOT.resolve("examples"), ".md"));
        files.add(ROOT.resolve("README.md"));
        return files;
    }

    private static boolean isSpec(String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            return node != null && node.isObject() && node.has("layers");
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> files(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var paths = Files.walk(folder)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
