package dev.samuel.inference.model;

import dev.samuel.contracts.model.ModelSignature;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.programs.Program;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded version and the only owner of its {@link Program}, with the signature that says what its outputs mean.
 * Reference-counted: the serving slot holds one reference until the version is swapped out ({@link #retire()}), each
 * batch holds one while it runs. The program closes when the last reference is released, so batches in flight
 * finish on the version that started them and a retired program is closed as soon as it is drained.
 */
public final class ServedModel {

    private static final Logger LOG = LoggerFactory.getLogger(ServedModel.class);

    private final ModelSpec spec;
    private final int version;
    private final Program program;
    private final ModelSignature signature;
    private final ModelTopics topics;
    private final AtomicInteger references = new AtomicInteger(1);

    ServedModel(ModelSpec spec, int version, Program program, ModelSignature signature) {
        this.spec = spec;
        this.version = version;
        this.program = program;
        this.signature = signature;
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

    public ModelSignature signature() {
        return signature;
    }

    public ModelTopics topics() {
        return topics;
    }

    /** Only between {@link #tryAcquire()} and {@link #release()}. */
    public Program program() {
        return program;
    }

    /** Takes a reference; false once the program is closed (then read the slot again: it holds a newer one). */
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
            program.close();
            LOG.info("Closed {} version {}: drained", name(), version);
        } catch (RuntimeException e) {
            LOG.warn("Closing {} version {} failed", name(), version, e);
        }
    }
}
