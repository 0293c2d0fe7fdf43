package dev.samuel.cli.command;

import dev.samuel.plumbing.registry.RegistryClient;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "create", description = "Define a model from a spec file and create the topics users write to.")
public final class CreateCommand extends SpecCommand {

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
