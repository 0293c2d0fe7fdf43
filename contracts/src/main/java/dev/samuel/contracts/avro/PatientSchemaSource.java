package dev.samuel.contracts.avro;

import java.time.Duration;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema source that waits out a registry's outage: while it does not answer, the id is asked again every
 * {@link #RETRY_EVERY}, up to {@code patience}, and only then is {@link RegistryUnavailableException} thrown. Waiting
 * where the record is read is the cheap way through a registry's restart: a Kafka Streams thread that gave up would be
 * replaced, and its partitions reach the new thread only after the group's session timeout (45 s by default).
 */
public final class PatientSchemaSource implements SchemaSource {

    public static final Duration RETRY_EVERY = Duration.ofSeconds(1);
    /** For a reader that must never give up on a record: it waits as long as the outage lasts. */
    public static final Duration UNTIL_ANSWERED = Duration.ofNanos(Long.MAX_VALUE);
    private static final Logger LOG = LoggerFactory.getLogger(PatientSchemaSource.class);

    private final SchemaSource schemas;
    private final Duration patience;

    public PatientSchemaSource(SchemaSource schemas, Duration patience) {
        this.schemas = schemas;
        this.patience = patience;
    }

    @Override
    public Schema schema(int id) {
        // Compared by difference, so UNTIL_ANSWERED's overflowing deadline still lies ahead.
        long deadline = System.nanoTime() + patience.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return schemas.schema(id);
            } catch (RegistryUnavailableException e) {
                if (System.nanoTime() + RETRY_EVERY.toNanos() - deadline > 0) {
                    throw e;
                }
                if (attempt == 1 || attempt % 30 == 0) {
                    LOG.warn("Schema id {} waits for the schema registry (asked {} times): {}", id, attempt,
                            e.getMessage());
                }
                sleep(e);
            }
        }
    }

    private static void sleep(RegistryUnavailableException outage) {
        try {
            Thread.sleep(RETRY_EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw outage;
        }
    }
}
