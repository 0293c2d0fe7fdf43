package dev.samuel.cli.io;

import dev.samuel.cli.CliException;
import dev.samuel.contracts.event.Features;
import dev.samuel.contracts.event.Label;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * MNIST's IDX format: an images file (magic 0x00000803: count, rows, columns, one unsigned byte a pixel) and,
 * for labelled examples, a labels file (magic 0x00000801: count, one byte a label). Gzip-compressed files are
 * read as they are. Pixels become features 0..255; the graph's standardisation scales them.
 */
final class IdxRows implements RowSource {

    private static final int IMAGES = 0x00000803;
    private static final int LABELS = 0x00000801;

    private final DataInputStream images;
    private final DataInputStream labels;
    private final String keyPrefix;
    private final int count;
    private final byte[] pixels;
    private int index;

    private IdxRows(DataInputStream images, DataInputStream labels, String keyPrefix, int count, int size) {
        this.images = images;
        this.labels = labels;
        this.keyPrefix = keyPrefix;
        this.count = count;
        this.pixels = new byte[size];
    }

    static IdxRows open(Path imagesFile, Path labelsFile) throws IOException {
        var images = stream(imagesFile);
        expectMagic(images, IMAGES, imagesFile);
        int count = images.readInt();
        int size = images.readInt() * images.readInt();
        DataInputStream labels = null;
        if (labelsFile != null) {
            labels = stream(labelsFile);
            expectMagic(labels, LABELS, labelsFile);
            int labelCount = labels.readInt();
            if (labelCount != count) {
                throw new CliException(labelsFile + " has " + labelCount + " labels for " + count + " images");
            }
        }
        return new IdxRows(images, labels, imagesFile.getFileName() + ":", count, size);
    }

    @Override
    public String position() {
        return "image " + (index - 1);
    }

    @Override
    public Optional<Row> next() throws IOException {
        if (index == count) {
            return Optional.empty();
        }
        images.readFully(pixels);
        var features = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            features[i] = pixels[i] & 0xff;
        }
        Label label = labels == null ? null : Label.of(labels.readUnsignedByte());
        return Optional.of(new Row(keyPrefix + index++, Features.of(features), label, null));
    }

    @Override
    public long total() {
        return count;
    }

    @Override
    public void close() throws IOException {
        images.close();
        if (labels != null) {
            labels.close();
        }
    }

    private static DataInputStream stream(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16)) : in);
    }

    private static void expectMagic(DataInputStream in, int magic, Path file) throws IOException {
        int actual = in.readInt();
        if (actual != magic) {
            throw new CliException(String.format("%s is not an IDX %s file (magic 0x%08x, expected 0x%08x)", file,
                    magic == IMAGES ? "images" : "labels", actual, magic));
        }
    }
}
