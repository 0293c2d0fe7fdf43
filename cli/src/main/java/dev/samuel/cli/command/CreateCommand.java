package dev.samuel.cli.command;

import dev.samuel.cli.Endpoints;
import dev.samuel.cli.UserTopics;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "create", description = "Define a model from a spec file and create the topics users write to.")
public final class CreateCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Parameters(paramLabel = "SPEC.json", description = "the model spec (see docs/model-spec.md)")
    Path file;

    @Override
    public Integer call() throws Exception {
        var spec = SpecFile.read(file);
        var created = endpoints.registry().create(spec.json());
        var topics = UserTopics.create(endpoints.kafka(), spec.spec());
        System.out.printf("Model %s created (revision %s). Produce labelled examples to %s, events to score to %s.%n",
                spec.spec().name(), created.path("revision").asText("1"), topics.get(0), topics.get(1));
        return 0;
    }
}
