package dev.samuel.cli.command;

import dev.samuel.cli.Endpoints;
import dev.samuel.cli.stack.LocalStack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "down", description = "Stop the processes `up` started (data stays in .samuel/ for the next up).")
public final class DownCommand implements Callable<Integer> {

    @Option(names = "--purge", description = "also delete .samuel/: topics, artifacts, logs")
    boolean purge;

    @Override
    public Integer call() throws Exception {
        var stack = new LocalStack(Endpoints.layout(), System.out);
        boolean stopped = stack.down();
        System.out.println(stopped ? "The local stack is stopped." : "No local stack is running.");
        if (purge) {
            stack.purge();
            System.out.println("Deleted " + Endpoints.layout().runDir());
        }
        return 0;
    }
}
