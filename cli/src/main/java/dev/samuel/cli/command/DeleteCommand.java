package dev.samuel.cli.command;

import dev.samuel.cli.Endpoints;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = {
        "Retire a model: ingest dead-letters its examples, inference stops serving it.",
        "Its versions, history and topics stay; `create` with the same name starts it again."})
public final class DeleteCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Parameters(paramLabel = "MODEL")
    String model;

    @Option(names = "--reason", defaultValue = "deleted with the cli")
    String reason;

    @Override
    public Integer call() {
        endpoints.registry().delete(model, reason);
        System.out.printf("Model %s is retired; its versions and history stay in the registry.%n", model);
        return 0;
    }
}
