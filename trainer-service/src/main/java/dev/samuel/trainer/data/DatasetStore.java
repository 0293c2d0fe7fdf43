package dev.samuel.trainer.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a trainer keeps its models' examples ({@code samuel.trainer.store-dir}): a directory of its own under the
 * root, locked while it runs, with one file per model and split ({@link SplitStore}), all within one disk budget
 * ({@code samuel.trainer.store-budget}). The data is read anew from the topics at every start, so nothing in it
 * outlives the trainer: it is removed on close, and a directory whose trainer died (its lock free) is removed by the
 * next trainer to start under the same root.
 */
public final class DatasetStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetStore.class);
    private static final String LOCK = "lock";

    private final Path directory;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final DiskBudget budget;
    private final AtomicLong files = new AtomicLong();

    private DatasetStore(Path directory, FileChannel lockFile, FileLock lock, long budget) {
        this.directory = directory;
        this.lockFile = lockFile;
        this.lock = lock;
        this.budget = new DiskBudget(budget);
    }

    /** Creates this trainer's directory under {@code root}, after removing those of trainers that died. */
    public static DatasetStore open(Path root, String instance, long budget) {
        try {
            Files.createDirectories(root);
            removeAbandoned(root);
            var directory = Files.createDirectory(root.resolve(safe(instance) + "-" + UUID.randomUUID()));
            var lockFile = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            return new DatasetStore(directory, lockFile, lockFile.lock(), budget);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the trainer's dataset store under " + root
                    + " (samuel.trainer.store-dir): " + e.getMessage(), e);
        }
    }

    /** A new, empty file for a split of a model. */
    SplitStore split(String model, String split, String topic) {
        var name = safe(model) + "." + files.incrementAndGet() + "." + split;
        return new SplitStore(topic, directory.resolve(name), budget);
    }

    public Path directory() {
        return directory;
    }

    /** Bytes the split files take, retired rows included. */
    public long usedBytes() {
        return budget.used();
    }

    public long budgetBytes() {
        return budget.limit();
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockFile.close();
            delete(directory);
        } catch (IOException e) {
            LOG.warn("Could not remove the dataset store {}: {}", directory, e.toString());
        }
    }

    private static void removeAbandoned(Path root) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            for (var child : children.filter(dir -> Files.isRegularFile(dir.resolve(LOCK))).toList()) {
                if (abandoned(child)) {
                    LOG.info("Removing the dataset store {}, left by a trainer that stopped", child);
                    delete(child);
                }
            }
        }
    }

    /** Whether no process holds the directory's lock (a lock held in this JVM counts as held). */
    private static boolean abandoned(Path directory) throws IOException {
        try (var channel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.WRITE)) {
            var lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** A name made safe as a file name: letters, digits, dot, dash and underscore kept, anything else an underscore. */
    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
