package dev.samuel.contracts.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.contracts.topic.Topics;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A spec record as the registry log holds it, every layer kind and every optional layer field included, written by
 * the code before layers became one type per kind. It must read back as the same spec and be written again byte for
 * byte: the trainer hashes the written spec ({@code samuel.spec_hash}), so a different field order would be a
 * different spec.
 */
class StoredSpecsTest {

    static final String SPEC = """
            {"name": "every-layer", "task": {"type": "classification", "classes": 3},
             "input": {"features": 64, "shape": [1, 8, 8]},
             "layers": [{"conv2d": 4, "kernel": 3, "activation": "relu"},
                        {"conv2d": 4, "kernel": 3, "stride": 1, "padding": 1, "dilation": 1, "groups": 2,
                         "activation": "leaky_relu"},
                        {"max_pool2d": 2}, {"max_pool2d": 2, "stride": 1}, {"avg_pool2d": 2, "stride": 1},
                        {"avg_pool2d": 1}, {"batch_norm": true}, {"global_avg_pool": true}, {"flatten": true},
                        {"dense": 8, "activation": "tanh"}, {"dropout": 0.25}, {"dense": 6, "activation": "linear"},
                        {"batch_norm": true}, {"dense": 3}]}""";

    /** Written by the serde at 657707b: note the field order, activation before conv2d and stride before the window. */
    static final String STORED = "{\"type\":\"spec\",\"spec\":{\"name\":\"every-layer\","
            + "\"task\":{\"type\":\"classification\",\"classes\":3},"
            + "\"input\":{\"features\":64,\"standardize\":true,\"shape\":[1,8,8]},\"layers\":"
            + "[{\"activation\":\"relu\",\"conv2d\":4,\"kernel\":3},"
            + "{\"activation\":\"leaky_relu\",\"conv2d\":4,\"kernel\":3,\"stride\":1,\"padding\":1,\"dilation\":1,\"groups\":2},"
            + "{\"max_pool2d\":2},{\"stride\":1,\"max_pool2d\":2},{\"stride\":1,\"avg_pool2d\":2},{\"avg_pool2d\":1},"
            + "{\"batch_norm\":true},{\"global_avg_pool\":true},{\"flatten\":true},"
            + "{\"dense\":8,\"activation\":\"tanh\"},{\"dropout\":0.25},{\"dense\":6,\"activation\":\"linear\"},"
            + "{\"batch_norm\":true},{\"dense\":3}]"
            + ",\"loss\":\"softmax_cross_entropy\",\"optimizer\":{\"adam\":{}},"
            + "\"init\":{\"random\":{\"seed\":42},\"freeze\":[]},"
            + "\"training\":{\"batchSize\":64,\"epochs\":3,\"holdout\":0.2,\"retrainEvery\":0,\"window\":0},"
            + "\"promotion\":{\"minImprovement\":0.0},\"topics\":{}},\"revision\":2,\"updatedAt\":\"2026-11-26T10:15:30Z\"}";

    @Test
    void aStoredSpecReadsBackEqualAndIsWrittenAgainByteForByte() {
        var serde = Topics.REGISTRY.valueSerde();
        var record = new SpecRecord(ModelSpecs.parse(SPEC), 2, RegistryRecordTest.NOW);

        var read = serde.deserializer().deserialize(Topics.REGISTRY.name(), STORED.getBytes(StandardCharsets.UTF_8));
        var written = serde.serializer().serialize(Topics.REGISTRY.name(), read);

        assertThat(read).isEqualTo(record);
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(STORED);
    }
}
