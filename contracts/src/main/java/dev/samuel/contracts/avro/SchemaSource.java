package dev.samuel.contracts.avro;

import org.apache.avro.Schema;

/** Where a record's schema is found by its id: a schema registry ({@link SchemaRegistryClient}) or a fixed table. */
@FunctionalInterface
public interface SchemaSource {

    /**
     * @throws UnknownSchemaException when no schema has that id
     * @throws RegistryUnavailableException when the answer cannot be had now (try again later)
     */
    Schema schema(int id);
}
