package dev.samuel.contracts.registry;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A value of the {@code samuel.registry} log. The log is compacted, so the latest record of each key is
 * the state: the spec of a model (key {@code M}), a version ({@code M:7}), an alias ({@code M@champion}),
 * and one record per alias move ({@code M@champion#3}), which keeps the alias history through compaction.
 * A tombstone deletes the key. See {@link RegistryKey}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SpecRecord.class, name = "spec"),
    @JsonSubTypes.Type(value = VersionRecord.class, name = "version"),
    @JsonSubTypes.Type(value = AliasRecord.class, name = "alias"),
    @JsonSubTypes.Type(value = AliasMoveRecord.class, name = "alias-move")
})
public sealed interface RegistryRecord permits SpecRecord, VersionRecord, AliasRecord, AliasMoveRecord {

    /** The model this record belongs to. */
    String model();

    /** The key this record is written under. */
    String key();
}
