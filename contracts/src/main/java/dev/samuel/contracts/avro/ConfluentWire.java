package dev.samuel.contracts.avro;

import dev.samuel.contracts.event.InvalidRecordException;
import dev.samuel.contracts.event.RegistryRecords;
import dev.samuel.contracts.event.RejectReason;
import java.nio.ByteBuffer;

/**
 * A record in the Confluent wire format: magic byte 0, the schema's id as a 4-byte big-endian int, then the Avro
 * binary body. Every Confluent-compatible serializer writes this, whichever registry it talks to.
 *
 * @param bytes the whole record; the body starts at {@link #BODY_OFFSET}
 */
public record ConfluentWire(int schemaId, byte[] bytes) {

    public static final byte MAGIC = RegistryRecords.MAGIC;
    public static final int BODY_OFFSET = 5;

    /** Reads the header; the body is left for the schema the id names. */
    public static ConfluentWire parse(byte[] record) {
        if (record == null || record.length == 0) {
            throw invalid("record is empty");
        }
        if (record[0] != MAGIC) {
            throw invalid(String.format("first byte is 0x%02x, not the Confluent wire format's magic byte 0"
                    + " (was the record written without a schema registry serializer?)", record[0]));
        }
        if (record.length < BODY_OFFSET) {
            throw invalid("record has " + record.length + " bytes, too short for the Confluent wire format's"
                    + " 5-byte header (magic byte and schema id)");
        }
        return new ConfluentWire(ByteBuffer.wrap(record, 1, 4).getInt(), record);
    }

    /** Frames an Avro body with its schema's id, as a Confluent serializer does. */
    public static byte[] frame(int schemaId, byte[] body) {
        return ByteBuffer.allocate(BODY_OFFSET + body.length).put(MAGIC).putInt(schemaId).put(body).array();
    }

    public int bodyLength() {
        return bytes.length - BODY_OFFSET;
    }

    private static InvalidRecordException invalid(String message) {
        return new InvalidRecordException(RejectReason.INVALID_BINARY, message);
    }
}
