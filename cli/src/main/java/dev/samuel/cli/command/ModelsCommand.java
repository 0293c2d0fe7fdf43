package dev.samuel.cli.command;

import dev.samuel.cli.Endpoints;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "models", description = "List the models: spec revision, latest version, champion.")
public final class ModelsCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Override
    public Integer call() {
        var models = endpoints.registry().models();
        if (models.isEmpty()) {
            System.out.println("No models yet. Define one with `bin/samuel create spec.json`.");
            return 0;
        }
        System.out.printf("%-24s %8s %8s %9s%n", "MODEL", "REVISION", "LATEST", "CHAMPION");
        for (var model : models) {
            System.out.printf("%-24s %8s %8s %9s%n", model.path("name").asText(), model.path("revision").asText(),
                    model.path("latestVersion").asText("-"), model.path("aliases").path("champion").asText("-"));
        }
        return 0;
    }
}
