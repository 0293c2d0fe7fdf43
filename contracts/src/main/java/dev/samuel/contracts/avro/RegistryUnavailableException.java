package dev.samuel.contracts.avro;

/**
 * The schema registry could not give an answer: unreachable, too slow, an error of its own (5xx), or not speaking the
 * Confluent API at the configured URL. Not an {@link dev.samuel.contracts.event.InvalidRecordException} on purpose:
 * the record may be fine, so callers retry it later and never dead-letter it for this.
 */
public class RegistryUnavailableException extends RuntimeException {

    public RegistryUnavailableException(String message) {
        super(message);
    }

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
