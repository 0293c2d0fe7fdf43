package dev.samuel.contracts.registry;

/**
 * Keys of the registry log: {@code M} for a spec, {@code M:7} for a version, {@code M@alias} for an alias.
 * Model names cannot contain ':' or '@', so the three never collide.
 */
public record RegistryKey(String model, Kind kind, String qualifier) {

    public enum Kind { SPEC, VERSION, ALIAS }

    public static String spec(String model) {
        return model;
    }

    public static String version(String model, int version) {
        return model + ':' + version;
    }

    public static String alias(String model, String alias) {
        return model + '@' + alias;
    }

    public static RegistryKey parse(String key) {
        int at = key.indexOf('@');
        if (at >= 0) {
            return new RegistryKey(key.substring(0, at), Kind.ALIAS, key.substring(at + 1));
        }
        int colon = key.indexOf(':');
        if (colon >= 0) {
            return new RegistryKey(key.substring(0, colon), Kind.VERSION, key.substring(colon + 1));
        }
        return new RegistryKey(key, Kind.SPEC, null);
    }
}
