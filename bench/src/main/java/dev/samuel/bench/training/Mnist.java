package dev.samuel.bench.training;

import dev.samuel.onnx.train.Dataset;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads the IDX (gzip) image and label files of an MNIST-format dataset: grey levels 0..255 as floats. */
final class Mnist {
    private Mnist() {
    }

    /** The MNIST sample the repository ships, from the root where {@code bench/run} runs. */
    static Path locate(Path root) {
        return root.resolve("examples/mnist");
    }

    static Dataset read(Path images, Path labels) throws IOException {
        try (DataInputStream img = open(images); DataInputStream lab = open(labels)) {
            expect(img.readInt(), 2051, images);
            expect(lab.readInt(), 2049, labels);
            int n = img.readInt();
            int pixels = img.readInt() * img.readInt();
            if (lab.readInt() != n) {
                throw new IOException("images and labels differ in count");
            }
            byte[] raw = img.readNBytes(n * pixels);
            float[] x = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                x[i] = raw[i] & 0xff;
            }
            byte[] y = lab.readNBytes(n);
            long[] classes = new long[n];
            for (int i = 0; i < n; i++) {
                classes[i] = y[i];
            }
            return Dataset.classification(x, pixels, classes);
        }
    }

    private static DataInputStream open(Path p) throws IOException {
        InputStream in = Files.newInputStream(p);
        return new DataInputStream(new GZIPInputStream(in, 1 << 16));
    }

    private static void expect(int magic, int wanted, Path p) throws IOException {
        if (magic != wanted) {
            throw new IOException(p + " is not an IDX file of the expected kind (magic " + magic + ")");
        }
    }
}
