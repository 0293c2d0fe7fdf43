package dev.samuel.registry.store;

import dev.samuel.contracts.registry.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Artifacts as files {@code <root>/<sha256[0..2]>/<sha256>}; the two-character fan-out keeps directories
 * small. A file is written to a temporary name in the same directory, flushed to disk, then renamed, so a
 * reader never sees half a file and a crash leaves at most a stray temporary file.
 */
public final class DirectoryArtifactStore implements ArtifactStore {

    private final Path root;

    public DirectoryArtifactStore(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    public Path root() {
        return root;
    }

    /** Where the artifact with this SHA-256 lives. */
    public Path pathOf(String sha256) {
        if (!Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    @Override
    public String put(byte[] bytes) throws IOException {
        var sha256 = Sha256.hex(bytes);
        var target = pathOf(sha256);
        if (Files.exists(target) && sha256.equals(Sha256.hex(Files.readAllBytes(target)))) {
            return sha256;
        }
        // A damaged copy is replaced by the good bytes being stored again.
        var directory = Files.createDirectories(target.getParent());
        var temporary = Files.createTempFile(directory, "." + sha256, ".tmp");
        try {
            writeDurably(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return sha256;
    }

    @Override
    public byte[] get(String sha256) throws IOException {
        var path = pathOf(sha256);
        if (!Files.exists(path)) {
            throw new CorruptArtifactException("artifact " + sha256 + " is missing from " + root);
        }
        var bytes = Files.readAllBytes(path);
        var actual = Sha256.hex(bytes);
        if (!actual.equals(sha256)) {
            throw new CorruptArtifactException("artifact " + sha256 + " is corrupt: the stored file " + path
                    + " hashes to " + actual);
        }
        return bytes;
    }

    /** The rename must not reach the disk before the bytes do. */
    private static void writeDurably(Path path, byte[] bytes) throws IOException {
        try (var channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            var buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }
}
