package dev.samuel.cli.command;

import dev.samuel.cli.Endpoints;
import dev.samuel.cli.stack.LocalStack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "down", description = "Stop the processes `up` started (data stays in .samuel/ for the next up).")
public final class DownCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        boolean stopped = new LocalStack(Endpoints.layout(), System.out).down();
        System.out.println(stopped ? "The local stack is stopped." : "No local stack is running.");
        return 0;
    }
}
