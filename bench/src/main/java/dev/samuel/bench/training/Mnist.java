package dev.samuel.bench.training;

import dev.samuel.onnx.train.Dataset;
import dev.samuel.testkit.data.MnistSample;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The MNIST sample as the training benchmarks use it: read by testkit's {@link MnistSample}, grey levels 0..255 as
 * onnx-training's {@link Dataset}, the first 7,000 digits to train on and the last 1,000 to evaluate on. Public for
 * training-reference, whose DJL side trains on the same digits.
 */
public record Mnist(Dataset train, Dataset test) {

    /** The sample in the folder {@code args[0]} names; by default the repository's. */
    public static Mnist fromArgs(String[] args) throws IOException {
        return split(read(args.length > 0 ? Path.of(args[0]) : MnistSample.folder()));
    }

    public static Mnist split(Dataset all) {
        return new Mnist(all.slice(0, 7000), all.slice(7000, 8000));
    }

    /** Every digit of the sample in {@code folder}, in file order. */
    public static Dataset read(Path folder) throws IOException {
        var sample = MnistSample.read(folder, 1f);
        var pixels = new float[sample.size() * MnistSample.FEATURES];
        var classes = new long[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            System.arraycopy(sample.pixels()[i], 0, pixels, i * MnistSample.FEATURES, MnistSample.FEATURES);
            classes[i] = sample.labels()[i];
        }
        return Dataset.classification(pixels, MnistSample.FEATURES, classes);
    }
}
