package dev.samuel.registry;

import dev.samuel.testkit.KafkaTestResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared test broker, a write token, a small upload limit, and an artifact directory the tests can reach
 * into (to corrupt a file), at a fixed place so the packaged jar of the ITs uses it too.
 */
public class RegistryTestResource extends KafkaTestResource {

    public static final String TOKEN = "test-token";
    public static final Path ARTIFACTS = Path.of("target", "test-artifacts").toAbsolutePath();
    public static final int MAX_BYTES = 65_536;

    @Override
    public Map<String, String> start() {
        var config = new HashMap<>(super.start());
        deleteArtifacts();
        config.put("samuel.registry.write-token", TOKEN);
        config.put("samuel.registry.artifacts.dir", ARTIFACTS.toString());
        config.put("samuel.registry.artifacts.max-bytes", Integer.toString(MAX_BYTES));
        return config;
    }

    private static void deleteArtifacts() {
        if (!Files.exists(ARTIFACTS)) {
            return;
        }
        try (var paths = Files.walk(ARTIFACTS)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
