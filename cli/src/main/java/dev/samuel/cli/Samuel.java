package dev.samuel.cli;

import dev.samuel.cli.command.CreateCommand;
import dev.samuel.cli.command.DeleteCommand;
import dev.samuel.cli.command.DemoCommand;
import dev.samuel.cli.command.DownCommand;
import dev.samuel.cli.command.ImportCommand;
import dev.samuel.cli.command.ModelsCommand;
import dev.samuel.cli.command.PredictionsCommand;
import dev.samuel.cli.command.ProduceCommand;
import dev.samuel.cli.command.PromoteCommand;
import dev.samuel.cli.command.StatusCommand;
import dev.samuel.cli.command.TrainCommand;
import dev.samuel.cli.command.UpCommand;
import dev.samuel.cli.command.UpdateCommand;
import dev.samuel.cli.command.VersionsCommand;
import dev.samuel.cli.http.CallFailures;
import dev.samuel.cli.stack.StackException;
import dev.samuel.plumbing.http.ServiceCallException;
import dev.samuel.plumbing.launch.LaunchException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/samuel}: the user's entry point to the platform. */
@Command(name = "samuel", mixinStandardHelpOptions = true, version = "samuel 0.1.0",
        description = "Streaming deep learning on Kafka: run the platform, define models, stream data, train, serve.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, DemoCommand.class,
                CreateCommand.class, UpdateCommand.class, DeleteCommand.class, ProduceCommand.class, TrainCommand.class,
                ImportCommand.class,
                ModelsCommand.class, VersionsCommand.class, PromoteCommand.class, PredictionsCommand.class})
public final class Samuel {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Samuel()).setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CliException || e instanceof StackException || e instanceof LaunchException) {
                line.getErr().println("samuel: " + e.getMessage());
                return 1;
            }
            if (e instanceof ServiceCallException call) {
                line.getErr().println("samuel: " + CallFailures.describe(call));
                return 1;
            }
            throw e;
        });
    }
}
