package dev.samuel.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The local stack's registry write token: random, generated once, kept in the run directory readable by the user
 * only, and never in the repository.
 */
final class RegistryToken {

    private RegistryToken() {
    }

    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.getParent());
            var bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            var token = HexFormat.of().formatHex(bytes);
            Files.writeString(file, token);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the registry token in " + file, e);
        }
    }
}
