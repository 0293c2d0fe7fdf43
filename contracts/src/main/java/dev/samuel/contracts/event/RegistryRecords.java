package dev.samuel.contracts.event;

/**
 * Records in the Confluent wire format (magic byte 0, schema id, body), read with the schema their id names from a
 * schema registry ({@code contracts.avro.AvroRecords}). A record whose schema cannot be had now throws an unchecked
 * exception that is not an {@link InvalidRecordException}: the record waits, it is never dead-lettered.
 */
public interface RegistryRecords {

    /** The first byte of every record in the Confluent wire format; no JSON text starts with it. */
    byte MAGIC = 0;

    /** Whether the value is framed in the Confluent wire format (it starts with {@link #MAGIC}). */
    static boolean isFramed(byte[] value) {
        return value != null && value.length > 0 && value[0] == MAGIC;
    }

    /** {@code labelField}: the record's field that holds the label ({@code task.labelField}); never a feature. */
    LabelledExample labelled(byte[] record, String labelField);

    /** As {@link #labelled}, without a label: a {@code labelField} in the record is left out, never a feature. */
    UnlabelledEvent unlabelled(byte[] record, String labelField);
}
