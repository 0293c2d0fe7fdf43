package dev.samuel.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.cli.CliException;
import dev.samuel.contracts.event.Features;
import dev.samuel.contracts.event.Label;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowSourceTest {

    @TempDir
    Path dir;

    @Test
    void csvWithAHeaderTakesIdAndLabelColumnsByName() throws IOException {
        var rows = read(write("data.csv", "id,height,label,weight\na,1.5,2,60\nb,1.8,cat,80\n"), null, null, null);

        assertThat(rows).containsExactly(
                new Row("a", Features.of(1.5f, 60f), Label.of(2), null),
                new Row("b", Features.of(1.8f, 80f), Label.of("cat"), null));
    }

    @Test
    void csvWithoutAHeaderIsUnlabelledUnlessTheLastColumnIsNamedTheLabel() throws IOException {
        var file = write("plain.csv", "1,2,0\n\n3,4,1\n");

        assertThat(read(file, null, null, null)).extracting(Row::labelled).containsExactly(false, false);
        assertThat(read(file, null, null, "last")).containsExactly(
                new Row("plain.csv:1", Features.of(1f, 2f), Label.of(0), null),
                new Row("plain.csv:2", Features.of(3f, 4f), Label.of(1), null));
    }

    @Test
    void csvErrorsNameTheLineAndColumn() throws IOException {
        var file = write("bad.csv", "x,label\n1,0\noops,1\n");

        assertThatThrownBy(() -> read(file, null, null, null)).isInstanceOf(CliException.class)
                .hasMessage("line 3, column 1: 'oops' is not a number");
        assertThatThrownBy(() -> read(file, null, null, "y")).hasMessageContaining("has no column 'y'");
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

    private List<Row> read(Path file, RowSource.Format format, Path labels, String labelColumn) throws IOException {
        var rows = new ArrayList<Row>();
        try (var source = RowSource.open(file, format, labels, labelColumn)) {
            for (var row = source.next(); row.isPresent(); row = source.next()) {
                rows.add(row.get());
            }
            assertThat(source.total()).isEqualTo(rows.size());
        }
        return rows;
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
