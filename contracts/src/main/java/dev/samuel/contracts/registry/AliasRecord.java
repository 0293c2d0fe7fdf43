package dev.samuel.contracts.registry;

import java.time.Instant;

/** An alias such as {@code champion} pointing at one version; moving it is a promotion or a roll-back. */
public record AliasRecord(String model, String alias, int version, Instant movedAt, String reason)
        implements RegistryRecord {

    public static final String CHAMPION = "champion";
    public static final String CHALLENGER = "challenger";

    @Override
    public String key() {
        return RegistryKey.alias(model, alias);
    }
}
