package dev.samuel.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "promote", description = "Make a version the champion (inference hot-swaps to it); an older one rolls back.")
public final class PromoteCommand extends ModelCommand {

    @Parameters(index = "1", paramLabel = "VERSION")
    int version;

    @Option(names = "--reason", defaultValue = "promoted by hand with the cli")
    String reason;

    @Override
    public Integer call() {
        endpoints.registry().setAlias(model, "champion", version, reason);
        System.out.printf("%s@champion -> version %d%n", model, version);
        return 0;
    }
}
