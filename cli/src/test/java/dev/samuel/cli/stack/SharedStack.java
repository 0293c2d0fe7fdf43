package dev.samuel.cli.stack;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local stack for the cli's integration tests (a broker, the schema registry and the four packaged services, on
 * free ports, in {@code cli/target/it-stack}): started from an empty run directory by the first class that needs it,
 * and stopped once every class has run. Starting it takes about half a minute on two cores, so it is started once
 * instead of once per class. {@code LocalStackIT} stops it in its last test, so the failsafe run orders the classes
 * ({@code @Order}, cli/pom.xml) to run it last; a class that finds the stack stopped starts it again.
 */
public final class SharedStack implements BeforeAllCallback {

    public static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    public static final StackLayout LAYOUT = new StackLayout(HOME, HOME.resolve("cli/target/it-stack"));
    public static final LocalStack STACK = new LocalStack(LAYOUT, System.out);

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        up();
        // Closed when the whole run ends, after the last class: the stack stops even if no test stopped it.
        context.getRoot().getStore(NAMESPACE).computeIfAbsent("down", key -> (AutoCloseable) STACK::down,
                AutoCloseable.class);
    }

    /** The running stack; started from an empty run directory unless every part of it runs. */
    public static synchronized StackState up() throws Exception {
        var running = STACK.state().filter(state -> state.processes().stream().allMatch(p -> p.handle().isPresent()));
        if (running.isPresent()) {
            return running.get();
        }
        STACK.down();
        STACK.purge();
        return STACK.up(StackPorts.free());
    }
}
