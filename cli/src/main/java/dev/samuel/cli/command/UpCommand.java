package dev.samuel.cli.command;

import dev.samuel.cli.Endpoints;
import dev.samuel.cli.stack.LocalStack;
import dev.samuel.cli.stack.QuarkusService;
import dev.samuel.cli.stack.StackPorts;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "up", description = "Start a local stack (Kafka and the four services, no Docker) and wait until it is ready.")
public final class UpCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        var state = new LocalStack(Endpoints.layout(), System.out).up(StackPorts.DEFAULT);
        System.out.println();
        System.out.printf("  %-18s %s%n", "kafka", state.ports().bootstrap());
        for (var service : QuarkusService.values()) {
            System.out.printf("  %-18s %s%n", service.module(), state.ports().url(service));
        }
        System.out.println();
        System.out.println("Stop it with `bin/samuel down`.");
        return 0;
    }
}
