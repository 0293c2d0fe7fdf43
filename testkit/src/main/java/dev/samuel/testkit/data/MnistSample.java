package dev.samuel.testkit.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The repository's MNIST sample ({@code examples/mnist}: 8,000 digits of 28 x 28 grey levels 0..255 with their
 * labels, IDX files, gzip), read as {@code bin/samuel produce} reads it: row {@code i} is keyed
 * {@code mnist8k-images-idx3-ubyte.gz:i}, so the platform's hash split of a key is known before anything is sent.
 */
public record MnistSample(float[][] pixels, int[] labels) {

    public static final String IMAGES = "mnist8k-images-idx3-ubyte.gz";
    public static final String LABELS = "mnist8k-labels-idx1-ubyte.gz";
    public static final int FEATURES = 28 * 28;

    /** Reads {@code folder}, every pixel multiplied by {@code scale} (1 / 255 for a network trained on v / 255). */
    public static MnistSample read(Path folder, float scale) throws IOException {
        try (var images = open(folder.resolve(IMAGES), 0x00000803);
             var labels = open(folder.resolve(LABELS), 0x00000801)) {
            int count = images.readInt();
            int size = images.readInt() * images.readInt();
            if (labels.readInt() != count || size != FEATURES) {
                throw new IOException(folder + " does not hold " + count + " labelled 28 x 28 digits");
            }
            var pixels = new float[count][FEATURES];
            var classes = new int[count];
            var row = new byte[FEATURES];
            for (int i = 0; i < count; i++) {
                images.readFully(row);
                for (int p = 0; p < FEATURES; p++) {
                    pixels[i][p] = (row[p] & 0xff) * scale;
                }
                classes[i] = labels.readUnsignedByte();
            }
            return new MnistSample(pixels, classes);
        }
    }

    /** The record key {@code bin/samuel produce} gives row {@code index}. */
    public static String key(int index) {
        return IMAGES + ":" + index;
    }

    public int size() {
        return labels.length;
    }

    /** The repository's {@code examples/mnist}, found from a module's working directory or the root. */
    public static Path folder() {
        for (var candidate : new Path[] {Path.of("examples/mnist"), Path.of("../examples/mnist")}) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("no examples/mnist here or one level up from " + Path.of("").toAbsolutePath());
    }

    private static DataInputStream open(Path file, int magic) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        var data = new DataInputStream(new GZIPInputStream(in));
        if (data.readInt() != magic) {
            data.close();
            throw new IOException(file + " is not an IDX file of the expected kind");
        }
        return data;
    }
}
