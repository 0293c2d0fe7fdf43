package dev.samuel.testkit;

import java.util.Locale;

/** Reads a testkit switch from a system property, else from the matching environment variable. */
final class Settings {

    private Settings() {
    }

    /** {@code samuel.test.kafka} is read from the property, else from {@code SAMUEL_TEST_KAFKA}. */
    static String get(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
