package dev.samuel.cli.command;

import dev.samuel.cli.CliException;
import dev.samuel.plumbing.registry.RegistryClient;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "create", description = {"Define a model from a spec file and create the topics users write to.",
        "With --from-avro, write a starting spec for the records of an Avro schema instead (to edit, then create)."})
public final class CreateCommand extends SpecCommand {

    @Parameters(arity = "0..1", paramLabel = "SPEC.json", description = "the model spec (see docs/model-spec.md)")
    Path file;

    @ArgGroup(exclusive = false, heading = "Write a spec from an Avro schema:%n")
    SpecFromAvroOptions fromAvro;

    @Override
    public Integer call() {
        if (fromAvro != null) {
            if (file != null) {
                throw new CliException("give a spec file to create, or --from-avro to write one; not both");
            }
            fromAvro.write();
            return 0;
        }
        if (file == null) {
            throw new CliException("give the spec file (SPEC.json), or write one from an Avro schema with"
                    + " --from-avro SCHEMA.avsc --label FIELD");
        }
        return super.call();
    }

    @Override
    Path file() {
        return file;
    }

    @Override
    String send(RegistryClient registry, SpecFile spec) {
        return registry.create(spec.json()).path("revision").asText("1");
    }

    @Override
    String done(String model, String revision, List<String> topics) {
        return String.format("Model %s created (revision %s). Produce labelled examples to %s, events to score to %s.",
                model, revision, topics.get(0), topics.get(1));
    }
}
