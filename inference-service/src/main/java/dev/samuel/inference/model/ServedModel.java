package dev.samuel.inference.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded version and the only owner of its {@link OrtSession}. Reference-counted: the serving slot holds
 * one reference until the version is swapped out ({@link #retire()}), each batch holds one while it runs.
 * The session closes when the last reference is released, so batches in flight finish on the version that
 * started them and a retired session is closed as soon as it is drained.
 */
public final class ServedModel {

    private static final Logger LOG = LoggerFactory.getLogger(ServedModel.class);

    private final ModelSpec spec;
    private final int version;
    private final OrtSession session;
    private final ModelShape shape;
    private final ModelTopics topics;
    private final AtomicInteger references = new AtomicInteger(1);

    ServedModel(ModelSpec spec, int version, OrtSession session, ModelShape shape) {
        this.spec = spec;
        this.version = version;
        this.session = session;
        this.shape = shape;
        this.topics = Topics.of(spec);
    }

    public String name() {
        return spec.name();
    }

    public ModelSpec spec() {
        return spec;
    }

    public int version() {
        return version;
    }

    public ModelShape shape() {
        return shape;
    }

    public ModelTopics topics() {
        return topics;
    }

    /** Only between {@link #tryAcquire()} and {@link #release()}. */
    public OrtSession session() {
        return session;
    }

    /** Takes a reference; false once the session is closed (then read the slot again: it holds a newer one). */
    public boolean tryAcquire() {
        while (true) {
            int count = references.get();
            if (count == 0) {
                return false;
            }
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
    }

    public void release() {
        if (references.decrementAndGet() == 0) {
            close();
        }
    }

    /** Drops the slot's reference: called once, when a newer version (or none) takes the slot. */
    public void retire() {
        release();
    }

    public boolean isClosed() {
        return references.get() == 0;
    }

    private void close() {
        try {
            session.close();
            LOG.info("Closed {} version {}: drained", name(), version);
        } catch (OrtException e) {
            LOG.warn("Closing {} version {} failed", name(), version, e);
        }
    }
}
