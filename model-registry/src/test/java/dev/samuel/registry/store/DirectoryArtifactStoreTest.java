package dev.samuel.registry.store;

import dev.samuel.contracts.registry.Sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryArtifactStoreTest {

    static final byte[] BYTES = "an onnx model".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    @Test
    void storesBytesUnderTheirSha256AndReadsThemBack() throws Exception {
        var store = new DirectoryArtifactStore(root);
        var sha256 = store.put(BYTES);

        assertThat(sha256).isEqualTo(Sha256.hex(BYTES)).hasSize(64);
        assertThat(store.pathOf(sha256)).isEqualTo(root.resolve(sha256.substring(0, 2)).resolve(sha256)).exists();
        assertThat(store.get(sha256)).isEqualTo(BYTES);
        assertThat(store.put(BYTES)).isEqualTo(sha256);
        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).as("no temporary file is left").hasSize(1);
        }
    }

    @Test
    void neverServesACorruptedFile() throws Exception {
        var store = new DirectoryArtifactStore(root);
        var sha256 = store.put(BYTES);
        Files.write(store.pathOf(sha256), "tampered".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store.get(sha256)).isInstanceOf(CorruptArtifactException.class)
                .hasMessageContaining("artifact " + sha256 + " is corrupt")
                .hasMessageContaining("hashes to " + Sha256.hex("tampered".getBytes(StandardCharsets.UTF_8)));

        store.put(BYTES);
        assertThat(store.get(sha256)).as("storing the bytes again repairs the file").isEqualTo(BYTES);
    }

    @Test
    void reportsAMissingFile() throws Exception {
        var store = new DirectoryArtifactStore(root);
        var sha256 = store.put(BYTES);
        Files.delete(store.pathOf(sha256));

        assertThatThrownBy(() -> store.get(sha256)).isInstanceOf(CorruptArtifactException.class)
                .hasMessageContaining("is missing");
    }
}
