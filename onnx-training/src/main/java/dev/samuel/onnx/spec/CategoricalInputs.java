package dev.samuel.onnx.spec;

import dev.samuel.contracts.spec.Categorical;
import dev.samuel.contracts.spec.Input;
import dev.samuel.onnx.graph.Attrs;
import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Shape;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.graph.Value;
import dev.samuel.onnx.train.ForwardModel;
import dev.samuel.onnx.train.Vocabularies;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

/**
 * Categorical features read inside the graph from their raw text, input {@value ForwardModel#CATEGORIES}
 * [batch, categorical features] (strings): per feature, its column is looked up in the job's vocabulary
 * (ONNX-ML LabelEncoder; a value it lacks, or a missing one, gets the "other" bucket, the vocabulary's size), then
 * <pre>
 *   one-hot:   Cast(Equal(Unsqueeze(bucket, 1), [0, 1, ..., size]), float)       [batch, size + 1]
 *   embedding: Gather(embedding.NAME [size + 1, width], bucket)                   [batch, width]
 * </pre>
 * The embedding table is a parameter, trained through Gather's rule; its rows start N(0, 1), as PyTorch's do.
 */
final class CategoricalInputs {

    /** Keys of an empty vocabulary's encoder: no text is this, so every value is "other". */
    private static final String NO_VALUE = "\u0000";

    private CategoricalInputs() {
    }

    /** The encoded categorical features, one value per feature, in {@code input.names} order. */
    static List<Value> encode(GraphBuilder b, Input input, Vocabularies vocabularies, Random rng,
                              List<String> parameters) {
        var names = input.categoricalNames();
        if (vocabularies.columns() != names.size()) {
            throw new IllegalArgumentException("the spec reads categorical features " + names
                    + "; pass the training data's Vocabularies of them, got " + vocabularies.columns());
        }
        if (names.isEmpty()) {
            return List.of();
        }
        Value categories = b.input(ForwardModel.CATEGORIES, DType.STRING, Shape.of(Shape.DYNAMIC, names.size()));
        var encoded = new ArrayList<Value>();
        for (int c = 0; c < names.size(); c++) {
            Value bucket = bucket(b, categories, c, vocabularies.of(c));
            int buckets = vocabularies.of(c).size() + 1;
            Categorical rule = input.categorical().get(names.get(c));
            encoded.add(rule.oneHot() ? oneHot(b, bucket, buckets)
                    : embedding(b, bucket, buckets, rule.embedding(), "embedding." + names.get(c), rng, parameters));
        }
        return encoded;
    }

    private static Value bucket(GraphBuilder b, Value categories, int column, List<String> vocabulary) {
        Value text = b.apply(Op.GATHER, Attrs.of("axis", 1L), categories, b.longs(column));
        String[] keys = vocabulary.isEmpty() ? new String[] {NO_VALUE} : vocabulary.toArray(String[]::new);
        long[] buckets = LongStream.range(0, keys.length).toArray();
        // [batch, 1]: Gather with a one-element index keeps the axis.
        return b.apply(Op.LABEL_ENCODER, Attrs.of("keys_strings", keys, "values_int64s", buckets)
                .with("default_int64", (long) vocabulary.size()), text);
    }

    private static Value oneHot(GraphBuilder b, Value bucket, int buckets) {
        return b.cast(b.equal(bucket, b.longs(LongStream.range(0, buckets).toArray())), DType.FLOAT);
    }

    private static Value embedding(GraphBuilder b, Value bucket, int buckets, int width, String name, Random rng,
                                   List<String> parameters) {
        float[] rows = new float[buckets * width];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (float) rng.nextGaussian();
        }
        parameters.add(name);
        Value table = b.initializer(Tensor.floats(name, rows, buckets, width));
        return b.reshape(b.apply(Op.GATHER, table, bucket), b.longs(-1, width));
    }
}
