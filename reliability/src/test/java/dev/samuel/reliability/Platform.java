package dev.samuel.reliability;

import dev.samuel.cli.http.RegistryApi;
import dev.samuel.cli.http.TrainerApi;
import dev.samuel.cli.stack.LocalStack;
import dev.samuel.cli.stack.QuarkusService;
import dev.samuel.cli.stack.StackLayout;
import dev.samuel.cli.stack.StackPorts;
import dev.samuel.cli.stack.StackState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/** The packaged platform as processes on free ports, with its own run directory under target/. */
final class Platform implements AutoCloseable {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    final LocalStack stack;
    final StackState state;
    private final StackLayout layout;

    private Platform(StackLayout layout, LocalStack stack, StackState state) {
        this.layout = layout;
        this.stack = stack;
        this.state = state;
    }

    static Platform start(String name) throws IOException, InterruptedException {
        var layout = new StackLayout(HOME, HOME.resolve("reliability/target/" + name));
        var stack = new LocalStack(layout, System.out);
        stack.purge();
        return new Platform(layout, stack, stack.up(StackPorts.free()));
    }

    Map<String, Object> kafka() {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, state.ports().bootstrap());
    }

    RegistryApi registry() {
        return new RegistryApi(state.ports().url(QuarkusService.REGISTRY), stack.token());
    }

    TrainerApi trainer() {
        return new TrainerApi(state.ports().url(QuarkusService.TRAINER), stack.token());
    }

    Path log(String process) {
        return layout.log(process);
    }

    /** A crash: SIGKILL, no clean shutdown. */
    void kill(String process) {
        System.out.println("KILL " + process);
        stack.kill(process);
    }

    void restart(String process) throws InterruptedException {
        stack.restart(process);
    }

    @Override
    public void close() {
        stack.down();
    }
}
