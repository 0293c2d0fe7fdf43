package dev.samuel.registry.domain;

import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.registry.AliasMoveRecord;
import dev.samuel.contracts.registry.AliasRecord;
import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.registry.VersionRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads of the state; an unknown model, version or alias is a {@link RegistryException} naming it. */
public final class RegistryQueries {

    /** Starts with a letter, so a reference that is a number is always a version. '#' and '@' belong to log keys. */
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    private final RegistryState state;

    RegistryQueries(RegistryState state) {
        this.state = state;
    }

    public List<SpecRecord> specs() {
        return state.specs();
    }

    public SpecRecord spec(String model) {
        return requireSpec(state, model);
    }

    public int latestVersion(String model) {
        return state.latestVersion(model);
    }

    public List<VersionRecord> versions(String model) {
        requireSpec(state, model);
        return state.versions(model);
    }

    /** A version by number ({@code 7}) or by alias ({@code champion}). */
    public VersionRecord version(String model, String reference) {
        if (reference.matches("[0-9]{1,9}")) {
            return requireVersion(state, model, Integer.parseInt(reference));
        }
        return requireVersion(state, model, alias(model, reference).version());
    }

    public Map<String, AliasRecord> aliases(String model) {
        requireSpec(state, model);
        return state.aliases(model);
    }

    public AliasRecord alias(String model, String alias) {
        requireSpec(state, model);
        return state.alias(model, alias).orElseThrow(() -> RegistryException.notFound(
                "model '" + model + "' has no alias '" + alias + "'"));
    }

    /** The model's alias moves, oldest first, optionally of one alias only. */
    public List<AliasMoveRecord> history(String model, Optional<String> alias) {
        requireSpec(state, model);
        // A name no alias can have is a mistake (400), not an alias without moves (an empty 200).
        alias.ifPresent(RegistryQueries::requireAliasName);
        return state.aliasMoves(model).stream().filter(move -> alias.map(move.alias()::equals).orElse(true)).toList();
    }

    static SpecRecord requireSpec(RegistryState state, String model) {
        return state.spec(model).orElseThrow(() -> RegistryException.notFound("no model '" + model + "'"));
    }

    static VersionRecord requireVersion(RegistryState state, String model, int version) {
        requireSpec(state, model);
        return state.version(model, version).orElseThrow(() -> RegistryException.notFound(
                "model '" + model + "' has no version " + version + " (latest: " + state.latestVersion(model) + ")"));
    }

    static void requireAliasName(String alias) {
        if (!ALIAS.matcher(alias).matches()) {
            throw RegistryException.badRequest("alias must be 1-64 characters of [A-Za-z0-9_-] starting with a letter, got '"
                    + alias + "'");
        }
    }
}
