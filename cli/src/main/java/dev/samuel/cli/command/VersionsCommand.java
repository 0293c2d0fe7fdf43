package dev.samuel.cli.command;

import dev.samuel.cli.CliException;
import dev.samuel.cli.Endpoints;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "versions", description = "List a model's versions with their test loss, accuracy and promotion decision.")
public final class VersionsCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Parameters(paramLabel = "MODEL")
    String model;

    @Override
    public Integer call() {
        var registry = endpoints.registry();
        var found = registry.model(model).orElseThrow(() -> new CliException("no model '" + model + "'"));
        var champion = found.path("aliases").path("champion").asInt(0);
        System.out.printf("%-8s %10s %9s  %-20s %s%n", "VERSION", "TEST LOSS", "ACCURACY", "CREATED", "PROMOTION");
        for (var version : registry.versions(model)) {
            int number = version.path("version").asInt();
            System.out.printf("%-8s %10s %9s  %-20s %s%n", number + (number == champion ? " *" : ""),
                    decimal(version.path("metrics").path("test_loss").asText("")),
                    decimal(version.path("metrics").path("test_accuracy").asText("")),
                    version.path("createdAt").asText().replaceFirst("\\.\\d+Z$", "Z"),
                    version.path("lineage").path("promotion").asText(""));
        }
        System.out.println("* champion");
        return 0;
    }

    private static String decimal(String value) {
        return value.isEmpty() ? "-" : String.format("%.4f", Double.parseDouble(value));
    }
}
