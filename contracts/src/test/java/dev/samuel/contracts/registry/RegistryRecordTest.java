package dev.samuel.contracts.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.model.Origin;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.model.ProgramSignature;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.contracts.topic.Topics;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryRecordTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");

    @Test
    void everyRecordRoundTripsThroughTheRegistryTopicSerde() {
        var spec = ModelSpecs.parse("""
                {"name": "digits", "task": {"type": "classification", "classes": 10}, "input": {"features": 4},
                 "layers": [{"dense": 10}]}""");
        var records = new RegistryRecord[] {
            new SpecRecord(spec, 2, NOW),
            new VersionRecord("digits", 7, "ab".repeat(32), 1234, Map.of("test_loss", 0.25),
                    Map.of("job", "job-1"), NOW, new ProgramSignature("x", 4, "logits", 10, OutputKind.LOGITS,
                    Origin.FOREIGN)),
            new VersionRecord("digits", 6, "cd".repeat(32), 99, Map.of(), Map.of(), NOW, null),
            new AliasRecord("digits", AliasRecord.CHAMPION, 7, NOW, "test_loss 0.25 < 0.31"),
            new AliasMoveRecord("digits", AliasRecord.CHAMPION, 3, 6, 7, NOW, "test_loss 0.25 < 0.31"),
            new AliasMoveRecord("digits", AliasRecord.CHALLENGER, 4, null, null, NOW, null)
        };
        var serde = Topics.REGISTRY.valueSerde();

        for (var record : records) {
            byte[] bytes = serde.serializer().serialize(Topics.REGISTRY.name(), record);
            assertThat(serde.deserializer().deserialize(Topics.REGISTRY.name(), bytes)).isEqualTo(record);
        }
        assertThat(serde.serializer().serialize(Topics.REGISTRY.name(), null)).isNull();
    }

    @Test
    void keysNameTheModelAndKindOfRecord() {
        assertThat(new VersionRecord("digits", 7, "x", 1, null, null, NOW, null).key()).isEqualTo("digits:7");
        assertThat(new AliasRecord("digits", "champion", 7, NOW, null).key()).isEqualTo("digits@champion");

        assertThat(RegistryKey.parse("digits:7"))
                .isEqualTo(new RegistryKey("digits", RegistryKey.Kind.VERSION, "7"));
        assertThat(RegistryKey.parse("digits@champion"))
                .isEqualTo(new RegistryKey("digits", RegistryKey.Kind.ALIAS, "champion"));
        assertThat(RegistryKey.parse("digits")).isEqualTo(new RegistryKey("digits", RegistryKey.Kind.SPEC, null));
        assertThat(new AliasMoveRecord("digits", "champion", 12, 6, 7, NOW, null).key()).isEqualTo("digits@champion#12");
        assertThat(RegistryKey.parse("digits@champion#12"))
                .isEqualTo(new RegistryKey("digits", RegistryKey.Kind.ALIAS_MOVE, "champion#12"));
    }
}
