package dev.samuel.cli.command;

import dev.samuel.cli.CliException;
import dev.samuel.cli.avro.AvroSchemaFile;
import dev.samuel.cli.avro.SpecFromAvro;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code create --from-avro}: a starting spec for the records of an Avro schema ({@link SpecFromAvro}), printed for the
 * user to edit, or written to a new file. Nothing is sent: the user creates the model from the spec once it suits.
 */
final class SpecFromAvroOptions {

    @Option(names = "--from-avro", required = true, paramLabel = "SCHEMA.avsc",
            description = "the Avro record schema (.avsc) of the model's records")
    Path schema;

    @Option(names = "--label", required = true, paramLabel = "FIELD", description = "the field that holds the label")
    String label;

    @Option(names = "--name", description = "the model's name (default: the schema's name)")
    String name;

    @Option(names = "--classes", split = ",", paramLabel = "N|a,b,c", hideParamSyntax = true,
            description = "the classes of an int, long or string label: their number, or their names in index order")
    List<String> classes;

    @Option(names = "--output", paramLabel = "SPEC.json", description = "write the spec to this new file (default: "
            + "print it)")
    Path output;

    void write() {
        var spec = SpecFromAvro.write(AvroSchemaFile.read(schema), label, name, classes);
        if (output == null) {
            System.out.print(spec);
            return;
        }
        // Never over a spec the user may have edited.
        if (Files.exists(output)) {
            throw new CliException(output + " exists: give another --output, or delete it first");
        }
        try {
            Files.writeString(output, spec);
        } catch (IOException e) {
            throw new CliException("cannot write " + output + ": " + e.getMessage());
        }
        System.out.println("Wrote " + output + ". Edit it as you like, then: bin/samuel create " + output);
    }
}
