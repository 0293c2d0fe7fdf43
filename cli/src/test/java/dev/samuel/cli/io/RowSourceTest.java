package dev.samuel.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.cli.CliException;
import dev.samuel.contracts.event.Features;
import dev.samuel.contracts.event.JsonWriter;
import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowSourceTest {

    @TempDir
    Path dir;

    /** A model whose spec names its features, as `create examples/penguins/penguins.json` makes one. */
    private static final ModelFeatures HEIGHT_WEIGHT = new ModelFeatures("m", List.of("height", "weight"), false);
    /** A model whose spec names none: it takes a plain vector. */
    private static final ModelFeatures UNNAMED = new ModelFeatures("m", null, false);

    @Test
    void csvWithAHeaderSendsNamedFeaturesKeyedByIdWithTheLabelColumn() throws IOException {
        var rows = read(write("data.csv", "id,height,label,weight\na,1.5,2,60\nb,1.8,cat,80\n"), null, HEIGHT_WEIGHT);

        assertThat(rows).containsExactly(
                new Row("a", named(Map.of("height", 1.5f, "weight", 60f), Map.of()), Label.of(2), null),
                new Row("b", named(Map.of("height", 1.8f, "weight", 80f), Map.of()), Label.of("cat"), null));
    }

    @Test
    void aCategoricalFeaturesCellsAreSentAsTheTextTheyAre() throws IOException {
        var model = new ModelFeatures("shops", List.of("zip", "sales"), false, java.util.Set.of("zip"));
        var file = write("shops.csv", "zip,sales,label\n02134,3.5,1\n,4,0\n");

        assertThat(read(file, null, model)).containsExactly(
                new Row("shops.csv:2", named(Map.of("sales", 3.5f), Map.of("zip", "02134")), Label.of(1), null),
                new Row("shops.csv:3", named(Map.of("zip", Float.NaN, "sales", 4f), Map.of()), Label.of(0), null));
    }

    @Test
    void csvCellsAreNumbersBooleansMissingValuesOrStrings() throws IOException {
        var model = new ModelFeatures("weather", List.of("temp_max", "wind", "sunny", "station"), false);
        var file = write("weather.csv", "temp_max,wind,sunny,station,weather\n12.8,,TRUE,north,rain\n-1,4.5,false,,sun\n");

        var rows = read(file, "weather", model);

        assertThat(rows).containsExactly(
                new Row("weather.csv:2", named(Map.of("temp_max", 12.8f, "wind", Float.NaN, "sunny", 1f),
                        Map.of("station", "north")), Label.of("rain"), null),
                new Row("weather.csv:3", named(Map.of("temp_max", -1f, "wind", 4.5f, "sunny", 0f, "station", Float.NaN),
                        Map.of()), Label.of("sun"), null));
        // As the platform reads it: a missing value is JSON null, a string a string, a boolean its number.
        var json = Json.MAPPER.readTree(JsonWriter.write(rows.get(0).example()));
        assertThat(json.path("features").path("wind").isNull()).isTrue();
        assertThat(json.path("features").path("station").asText()).isEqualTo("north");
        assertThat(json.path("features").path("sunny").asDouble()).isEqualTo(1.0);
        var scaled = (Features.Named) rows.get(0).scaled(0.5f).features();
        assertThat(scaled.values()).containsEntry("temp_max", 6.4f).containsEntry("wind", Float.NaN);
        assertThat(scaled.strings()).isEqualTo(Map.of("station", "north"));
    }

    @Test
    void csvIsReadAsRfc4180QuotedCommasLineBreaksAndDoubledQuotes() throws IOException {
        var model = new ModelFeatures("m", List.of("note", "x"), false);
        var file = write("quoted.csv", "id,note,x,label\n\"a,1\", \"say \"\"hi\"\"\nthere\" ,3,\"big, cat\"\r\nb,plain,4,dog\n");

        assertThat(read(file, null, model)).containsExactly(
                new Row("a,1", named(Map.of("x", 3f), Map.of("note", "say \"hi\"\nthere")), Label.of("big, cat"), null),
                new Row("b", named(Map.of("x", 4f), Map.of("note", "plain")), Label.of("dog"), null));
    }

    @Test
    void csvErrorsNameTheLineTheRecordStartsOnAndTheColumnByItsHeaderName() throws IOException {
        var file = write("bad.csv", "x,label\n1,0\n\"2\n\",1\n\noops,1\n");

        assertThatThrownBy(() -> read(file, null, UNNAMED)).isInstanceOf(CliException.class)
                .hasMessage("line 6, column 'x': 'oops' is not a number");
        assertThatThrownBy(() -> read(write("short.csv", "x,y,label\n1,2,0\n\"a\nb\",1\n"), null, UNNAMED))
                .hasMessage("line 3 has 2 columns where the first line has 3");
        assertThatThrownBy(() -> read(file, "y", UNNAMED)).hasMessageContaining("has no column 'y'");
        assertThatThrownBy(() -> read(write("open.csv", "x,label\n1,0\n\"2,1\n"), null, UNNAMED))
                .hasMessageEndingWith("open.csv is not CSV: (startline 3) EOF reached before encapsulated token finished");
        assertThatThrownBy(() -> read(write("twice.csv", "x,x,label\n1,2,0\n"), null, UNNAMED))
                .hasMessageEndingWith("twice.csv: column 'x' appears twice in the header");
    }

    @Test
    void aColumnTheModelDoesNotNameIsRefusedByNameOrLeftOut() throws IOException {
        var file = write("weather.csv", "date,height,weight,label\n2012-01-01,1.5,60,0\n");

        assertThatThrownBy(() -> read(file, null, HEIGHT_WEIGHT)).isInstanceOf(CliException.class)
                .hasMessage("column 'date' is not a feature of model m (its features: [height, weight]); "
                        + "leave it out with --ignore-unknown");
        assertThat(read(file, null, new ModelFeatures("m", List.of("height", "weight"), true))).containsExactly(
                new Row("weather.csv:2", named(Map.of("height", 1.5f, "weight", 60f), Map.of()), Label.of(0), null));
    }

    @Test
    void csvForAModelThatNamesNoFeaturesIsAPlainVectorInColumnOrder() throws IOException {
        var rows = read(write("data.csv", "id,height,label,weight\na,1.5,2,60\nb,,1,true\n"), null, UNNAMED);

        assertThat(rows).containsExactly(
                new Row("a", Features.of(1.5f, 60f), Label.of(2), null),
                new Row("b", Features.of(Float.NaN, 1f), Label.of(1), null));
    }

    @Test
    void csvWithoutAHeaderIsUnlabelledUnlessTheLastColumnIsNamedTheLabel() throws IOException {
        var file = write("plain.csv", "1,2,0\n\n  \n3,4,1\n");

        assertThat(read(file, null, null, null)).extracting(Row::labelled).containsExactly(false, false);
        assertThat(read(file, null, null, "last")).containsExactly(
                new Row("plain.csv:1", Features.of(1f, 2f), Label.of(0), null),
                new Row("plain.csv:2", Features.of(3f, 4f), Label.of(1), null));
        assertThatThrownBy(() -> read(write("text.csv", "1,2\n3,x\n"), null, null, null))
                .hasMessage("line 2, column 2: 'x' is not a number");
    }

    @Test
    void jsonLinesAreLabelledWhenTheyHaveALabel() throws IOException {
        var file = write("events.jsonl", """
                {"id": "p1", "features": [1, 2], "label": 1, "weight": 2}
                {"features": [3, 4]}
                """);

        assertThat(read(file, null, null, null)).containsExactly(
                new Row("p1", Features.of(1f, 2f), Label.of(1), 2f),
                new Row("events.jsonl:2", Features.of(3f, 4f), null, null));
        assertThatThrownBy(() -> read(write("broken.jsonl", "{\"features\": [1,\n"), null, null, null))
                .hasMessageStartingWith("line 1 is not an event");
    }

    @Test
    void idxImagesWithLabelsGzippedOrNot() throws IOException {
        var images = idx(0x803, new int[] {2, 2, 2}, new byte[] {0, 1, 2, (byte) 255, 9, 8, 7, 6});
        var labels = idx(0x801, new int[] {2}, new byte[] {7, 3});
        var imagesFile = Files.write(dir.resolve("t-images-idx3-ubyte.gz"), gzip(images));
        var labelsFile = Files.write(dir.resolve("t-labels-idx1-ubyte"), labels);

        assertThat(read(imagesFile, null, labelsFile, null)).containsExactly(
                new Row("t-images-idx3-ubyte.gz:0", Features.of(0f, 1f, 2f, 255f), Label.of(7), null),
                new Row("t-images-idx3-ubyte.gz:1", Features.of(9f, 8f, 7f, 6f), Label.of(3), null));
        assertThat(read(imagesFile, null, null, null)).extracting(Row::labelled).containsExactly(false, false);
        assertThatThrownBy(() -> read(labelsFile, RowSource.Format.IDX, imagesFile, null))
                .hasMessageContaining("is not an IDX images file (magic 0x00000801, expected 0x00000803)");
        var fewLabels = Files.write(dir.resolve("few-labels-idx1-ubyte"), idx(0x801, new int[] {1}, new byte[] {1}));
        assertThatThrownBy(() -> read(imagesFile, null, fewLabels, null)).hasMessageContaining("has 1 labels for 2 images");
    }

    @Test
    void anUnknownFileNameNeedsAFormat() throws IOException {
        var file = write("data.txt", "1,2\n");

        assertThatThrownBy(() -> read(file, null, null, null)).hasMessageContaining("give --format csv|jsonl|idx");
        assertThat(read(file, RowSource.Format.CSV, null, null)).hasSize(1);
    }

    /** Reads a file that needs no model's features: the registry would not be asked. */
    private List<Row> read(Path file, RowSource.Format format, Path labels, String labelColumn) throws IOException {
        return read(file, format, labels, labelColumn, () -> {
            throw new AssertionError("the model's features were asked for");
        });
    }

    private List<Row> read(Path file, String labelColumn, ModelFeatures model) throws IOException {
        return read(file, null, null, labelColumn, () -> model);
    }

    private List<Row> read(Path file, RowSource.Format format, Path labels, String labelColumn,
                           Supplier<ModelFeatures> model) throws IOException {
        var rows = new ArrayList<Row>();
        try (var source = RowSource.open(file, format, labels, labelColumn, model)) {
            for (var row = source.next(); row.isPresent(); row = source.next()) {
                rows.add(row.get());
            }
            assertThat(source.total()).isEqualTo(rows.size());
        }
        return rows;
    }

    private static Features named(Map<String, Float> numbers, Map<String, String> strings) {
        return new Features.Named(numbers, strings);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int dim : dims) {
                out.writeInt(dim);
            }
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
