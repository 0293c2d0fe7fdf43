package dev.samuel.contracts.registry;

/**
 * Keys of the registry log: {@code M} for a spec, {@code M:7} for a version, {@code M@alias} for an alias,
 * {@code M@alias#12} for the 12th alias move of the model. Model names cannot contain ':', '@' or '#', and
 * alias names cannot contain '#', so the four never collide.
 */
public record RegistryKey(String model, Kind kind, String qualifier) {

    public enum Kind { SPEC, VERSION, ALIAS, ALIAS_MOVE }

    public static String spec(String model) {
        return model;
    }

    public static String version(String model, int version) {
        return model + ':' + version;
    }

    public static String alias(String model, String alias) {
        return model + '@' + alias;
    }

    public static String aliasMove(String model, String alias, long sequence) {
        return alias(model, alias) + '#' + sequence;
    }

    /** For {@link Kind#ALIAS_MOVE} the qualifier is {@code alias#sequence}. */
    public static RegistryKey parse(String key) {
        int at = key.indexOf('@');
        if (at >= 0) {
            var qualifier = key.substring(at + 1);
            var kind = qualifier.indexOf('#') >= 0 ? Kind.ALIAS_MOVE : Kind.ALIAS;
            return new RegistryKey(key.substring(0, at), kind, qualifier);
        }
        int colon = key.indexOf(':');
        if (colon >= 0) {
            return new RegistryKey(key.substring(0, colon), Kind.VERSION, key.substring(colon + 1));
        }
        return new RegistryKey(key, Kind.SPEC, null);
    }
}
