package dev.samuel.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The data sets shipped in {@code examples/} are what their READMEs say, and every example in them is one that
 * ingest accepts for the spec beside it ({@link ExampleResolver}, the check ingest runs), read as {@code bin/samuel
 * produce} sends it: the CSV's id and label columns left out of the features, MNIST's pixels as 0..255.
 */
class ExampleDataTest {

    private static final Path EXAMPLES = Path.of("").toAbsolutePath().getParent().resolve("examples");

    @Test
    void everyPenguinFitsItsSpec() throws IOException {
        var spec = spec("penguins/penguins.json");
        var lines = Files.readAllLines(EXAMPLES.resolve("penguins/penguins.csv"));
        var header = List.of(lines.get(0).split(","));
        assertThat(header).containsExactly("id", "beak_length_mm", "beak_depth_mm", "flipper_length_mm", "body_mass_g",
                "species");
        assertThat(header.subList(1, 5)).isEqualTo(spec.input().names());

        Map<String, Integer> species = new TreeMap<>();
        for (var line : lines.subList(1, lines.size())) {
            var cells = line.split(",", -1);
            var features = new float[4];
            for (int i = 0; i < 4; i++) {
                features[i] = Float.parseFloat(cells[i + 1]);
            }
            var example = new LabelledExample(Features.of(features), Label.of(cells[5]), null);
            var resolved = ExampleResolver.resolve(spec, example);
            species.merge(spec.task().classNames().get(resolved.classIndex()), 1, Integer::sum);
        }
        assertThat(species).containsExactlyEntriesOf(new TreeMap<>(Map.of("Adelie", 151, "Chinstrap", 68, "Gentoo", 123)));
    }

    @Test
    void everyDigitFitsItsSpec() throws IOException {
        var spec = spec("mnist/digits.json");
        try (var images = idx("mnist/mnist8k-images-idx3-ubyte.gz"); var labels = idx("mnist/mnist8k-labels-idx1-ubyte.gz")) {
            assertThat(images.readInt()).isEqualTo(0x00000803);
            assertThat(labels.readInt()).isEqualTo(0x00000801);
            int count = images.readInt();
            assertThat(labels.readInt()).isEqualTo(count).isEqualTo(8000);
            assertThat(images.readInt() * images.readInt()).isEqualTo(spec.input().features());

            var pixels = new byte[spec.input().features()];
            var perClass = new int[10];
            for (int i = 0; i < count; i++) {
                images.readFully(pixels);
                var features = new float[pixels.length];
                for (int p = 0; p < pixels.length; p++) {
                    features[p] = pixels[p] & 0xff;
                }
                var example = new LabelledExample(Features.of(features), Label.of(labels.readUnsignedByte()), null);
                perClass[ExampleResolver.resolve(spec, example).classIndex()]++;
            }
            assertThat(images.read()).isEqualTo(-1);
            assertThat(perClass).containsExactly(799, 908, 795, 819, 793, 684, 829, 844, 745, 784);
        }
    }

    @Test
    void theOriginalPenguinsAreKept() throws IOException {
        var original = Files.readString(EXAMPLES.resolve("penguins/original/penguins.json"));

        assertThat(original.split("\"Species\"", -1)).hasSize(345);
        assertThat(Arrays.asList("Torgersen", "Biscoe", "Dream")).allMatch(original::contains);
    }

    private static ModelSpec spec(String file) throws IOException {
        return ModelSpecs.parse(Files.readString(EXAMPLES.resolve(file)));
    }

    private static DataInputStream idx(String file) throws IOException {
        return new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(Files.newInputStream(EXAMPLES.resolve(file)))));
    }
}
