package dev.samuel.registry.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.registry.AliasRecord;
import dev.samuel.contracts.registry.SpecRecord;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model as the API shows it. The spec is written by contracts' mapper, so it reads back exactly as
 * {@code ModelSpecs.parse} expects, defaults filled in.
 */
public record ModelView(String name, int revision, Instant updatedAt, int latestVersion,
                        Map<String, Integer> aliases, JsonNode spec) {

    static ModelView of(SpecRecord record, int latestVersion, Map<String, AliasRecord> aliases) {
        var versions = new TreeMap<String, Integer>();
        aliases.forEach((alias, target) -> versions.put(alias, target.version()));
        return new ModelView(record.model(), record.revision(), record.updatedAt(), latestVersion, versions,
                Json.MAPPER.valueToTree(record.spec()));
    }
}
