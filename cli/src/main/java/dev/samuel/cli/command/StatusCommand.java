package dev.samuel.cli.command;

import dev.samuel.cli.Endpoints;
import dev.samuel.cli.stack.LocalStack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "status", description = "Show each process of the local stack: running, ready, pid. Exit 1 unless all are.")
public final class StatusCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        var stack = new LocalStack(Endpoints.layout(), System.out);
        var health = stack.health();
        if (health.isEmpty()) {
            System.out.println("No local stack is running. Start it with `bin/samuel up`.");
            return 1;
        }
        health.forEach(part -> System.out.printf("  %-18s %-8s %-38s pid %d%n", part.name(), part.state(),
                part.address(), part.pid()));
        return health.stream().allMatch(part -> part.state().equals("ready")) ? 0 : 1;
    }
}
