package dev.samuel.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "delete", description = {
        "Retire a model: ingest dead-letters its examples, inference stops serving it.",
        "Its versions, history and topics stay; `create` with the same name starts it again."})
public final class DeleteCommand extends ModelCommand {

    @Option(names = "--reason", defaultValue = "deleted with the cli")
    String reason;

    @Override
    public Integer call() {
        endpoints.registry().delete(model, reason);
        System.out.printf("Model %s is retired; its versions and history stay in the registry.%n", model);
        return 0;
    }
}
