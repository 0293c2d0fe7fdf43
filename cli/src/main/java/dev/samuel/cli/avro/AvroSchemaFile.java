package dev.samuel.cli.avro;

import dev.samuel.cli.CliException;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** An Avro schema file ({@code .avsc}: the schema's JSON), read for {@code create --from-avro} and {@code produce}. */
public final class AvroSchemaFile {

    private AvroSchemaFile() {
    }

    public static Schema read(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        } catch (SchemaParseException e) {
            throw new CliException(file + " is not an Avro schema: " + e.getMessage());
        }
    }
}
