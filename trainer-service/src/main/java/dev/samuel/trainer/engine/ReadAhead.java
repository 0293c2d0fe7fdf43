package dev.samuel.trainer.engine;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Reads and lays out an epoch's buffers on a thread of its own, one ahead of the training steps: reading from disk
 * and decoding overlap the ONNX Runtime runs instead of adding to them. At most one buffer waits; closing stops the
 * reader, and a reader's failure is thrown by {@link #next()}.
 */
final class ReadAhead<T> implements AutoCloseable {

    /** Hands each buffer of the epoch to the consumer. */
    @FunctionalInterface
    interface Epoch<T> {
        void read(Consumer<T> buffers);
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(1);
    private final Thread reader;

    ReadAhead(Epoch<T> epoch) {
        reader = new Thread(() -> read(epoch), "samuel-trainer-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next buffer; null after the last. */
    @SuppressWarnings("unchecked")
    T next() throws InterruptedException {
        var next = ready.take();
        if (next == END) {
            return null;
        }
        if (next instanceof RuntimeException e) {
            throw new IllegalStateException("reading the training set failed: " + e.getMessage(), e);
        }
        return (T) next;
    }

    private void read(Epoch<T> epoch) {
        try {
            epoch.read(buffer -> put(buffer));
            put(END);
        } catch (ReaderStopped e) {
            // Closed before the epoch was read: the job stopped.
        } catch (RuntimeException e) {
            putQuietly(e);
        }
    }

    private void put(Object item) {
        try {
            ready.put(item);
        } catch (InterruptedException e) {
            throw new ReaderStopped();
        }
    }

    private void putQuietly(RuntimeException failure) {
        try {
            ready.put(failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        reader.interrupt();
        reader.join();
    }

    private static final class ReaderStopped extends RuntimeException {
        ReaderStopped() {
            super(null, null, false, false);
        }
    }
}
