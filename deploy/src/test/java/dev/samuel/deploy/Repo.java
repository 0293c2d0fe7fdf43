package dev.samuel.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files of the repository this module sits in; the tests read them where they are, never a copy. */
final class Repo {

    /** The four Samuel services: module folder = compose service = Kubernetes workload name. */
    static final List<String> SERVICES = List.of("ingest-service", "model-registry", "inference-service", "trainer-service");

    static final Path ROOT = findRoot();

    private Repo() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relative) {
        return read(path(relative));
    }

    /** Regular files directly in {@code dir} whose names end with {@code suffix}, sorted. */
    static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Surefire runs in the module folder (and says so in "basedir"); the root is the folder above it.
    private static Path findRoot() {
        var module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        var root = module.getFileName().toString().equals("deploy") ? module.getParent() : module;
        if (!Files.exists(root.resolve("docker-compose.yml")) || !Files.exists(root.resolve("contracts"))) {
            throw new IllegalStateException("not the Samuel repository root: " + root);
        }
        return root;
    }
}
