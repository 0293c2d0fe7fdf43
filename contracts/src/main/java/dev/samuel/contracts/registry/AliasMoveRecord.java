package dev.samuel.contracts.registry;

import java.time.Instant;

/**
 * One move of an alias, kept for the alias history. Each move has its own key {@code M@alias#sequence}, so
 * compaction, which keeps only the latest record of a key, never erases a move. {@code sequence} counts the
 * alias moves of the model from 1; {@code fromVersion} is null for a new alias, {@code toVersion} null for a
 * deletion.
 */
public record AliasMoveRecord(
        String model,
        String alias,
        long sequence,
        Integer fromVersion,
        Integer toVersion,
        Instant movedAt,
        String reason) implements RegistryRecord {

    @Override
    public String key() {
        return RegistryKey.aliasMove(model, alias, sequence);
    }
}
