package dev.samuel.cli.command;

import dev.samuel.cli.Endpoints;
import dev.samuel.cli.demo.DemoRun;
import dev.samuel.cli.stack.LocalStack;
import dev.samuel.cli.stack.StackPorts;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", description = {
        "Start the local stack, then show the whole loop live: events stream with their labels a second behind,",
        "the first job trains once enough examples arrived, the concept drifts, the judged accuracy drops, the",
        "platform detects the drift, retrains on the data after it, promotes and hot-swaps, accuracy recovers.",
        "Ends with a summary read from the platform's topics."})
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Option(names = {"-f", "--follow"}, description = "keep streaming after the summary, until Ctrl-C")
    boolean follow;

    @Option(names = "--model", description = "the model's name (default: demo-<time>, a new model each run)")
    String model;

    @Override
    public Integer call() throws Exception {
        new LocalStack(Endpoints.layout(), System.out).up(StackPorts.DEFAULT);
        var name = model != null ? model : "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMdd-HHmmss"));
        var report = new DemoRun(endpoints.kafka(), endpoints.registry(), name, System.out).run(follow);
        report.print(System.out);
        System.out.println("\nThe stack keeps running: try `bin/samuel versions " + name + "`, `bin/samuel predictions "
                + name + "`, Grafana-ready metrics at /q/metrics; `bin/samuel down` stops it.");
        return 0;
    }
}
