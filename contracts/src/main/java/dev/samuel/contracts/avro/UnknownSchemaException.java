package dev.samuel.contracts.avro;

import dev.samuel.contracts.event.InvalidRecordException;
import dev.samuel.contracts.event.RejectReason;

/**
 * The registry answered that no schema has the record's id. An {@link InvalidRecordException}, so a record that names
 * an unknown id is dead-lettered like any other undecodable record: asking again would not help.
 */
public class UnknownSchemaException extends InvalidRecordException {

    private final int schemaId;

    public UnknownSchemaException(int schemaId, String message) {
        super(RejectReason.INVALID_BINARY, message);
        this.schemaId = schemaId;
    }

    public int schemaId() {
        return schemaId;
    }
}
