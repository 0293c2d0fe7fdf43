package dev.samuel.cli.command;

import dev.samuel.cli.Endpoints;
import dev.samuel.cli.UserTopics;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "update", description = "Replace a model's spec (creating the model if it is new); the next job uses it.")
public final class UpdateCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Parameters(paramLabel = "SPEC.json", description = "the model spec")
    Path file;

    @Override
    public Integer call() throws Exception {
        var spec = SpecFile.read(file);
        var updated = endpoints.registry().put(spec.spec().name(), spec.json());
        UserTopics.create(endpoints.kafka(), spec.spec());
        System.out.printf("Model %s is at revision %s.%n", spec.spec().name(), updated.path("revision").asText("?"));
        return 0;
    }
}
