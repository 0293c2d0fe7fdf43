package dev.samuel.contracts.avro;

/**
 * The schema registry refused to register a schema (an invalid schema, or one its compatibility rule does not allow
 * under the subject): asking again would not help, so the producer stops and says why.
 */
public class SchemaRegistrationException extends RuntimeException {

    public SchemaRegistrationException(String message) {
        super(message);
    }
}
