package dev.samuel.cli.command;

import dev.samuel.plumbing.registry.RegistryClient;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "update", description = "Replace a model's spec (creating the model if it is new); the next job uses it.")
public final class UpdateCommand extends SpecCommand {

    @Parameters(paramLabel = "SPEC.json", description = "the model spec (see docs/model-spec.md)")
    Path file;

    @Override
    Path file() {
        return file;
    }

    @Override
    String send(RegistryClient registry, SpecFile spec) {
        return registry.put(spec.spec().name(), spec.json()).path("revision").asText("?");
    }

    @Override
    String done(String model, String revision, List<String> topics) {
        return String.format("Model %s is at revision %s.", model, revision);
    }
}
