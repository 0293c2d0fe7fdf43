package dev.samuel.testkit;

import java.lang.reflect.Method;

/**
 * One broker per test JVM, started on first use and stopped by {@link #shutdown()} (the JUnit
 * extension calls it when the root extension context closes) or, failing that, a JVM shutdown hook.
 *
 * <p>Quarkus loads test classes and their dependencies, testkit included, in its own class loaders, so
 * this class can exist several times in one JVM. Every copy delegates to the copy on the system class
 * path, which owns the broker; other copies hand out a {@link SharedBrokerView} of it.
 */
public final class SharedKafkaBroker {

    private static KafkaBroker owned;
    private static KafkaBroker view;
    private static Thread shutdownHook;
    private static String description;

    private SharedKafkaBroker() {
    }

    /** The shared broker; never close it yourself. */
    public static synchronized KafkaBroker get() {
        if (view != null) {
            return view;
        }
        Class<?> owner = ownerClass();
        if (owner == SharedKafkaBroker.class) {
            owned = startWithOwnClassLoader();
            shutdownHook = new Thread(SharedKafkaBroker::closeOwned, "testkit-kafka-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            description = owned.describe();
            view = new SharedBrokerView(owned.bootstrapServers(), description);
        } else {
            String[] remote = (String[]) invoke(owner, "bootstrapServersAndDescription");
            description = remote[1];
            view = new SharedBrokerView(remote[0], description);
        }
        return view;
    }

    /**
     * The broker (and Testcontainers' threads) must not inherit a caller's context class loader, such as
     * a Quarkus application's, which is closed when that application stops.
     */
    private static KafkaBroker startWithOwnClassLoader() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SharedKafkaBroker.class.getClassLoader());
        try {
            return KafkaBrokers.start();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** For other copies of this class (see class comment): {bootstrap servers, description}. */
    public static synchronized String[] bootstrapServersAndDescription() {
        KafkaBroker broker = get();
        return new String[] {broker.bootstrapServers(), description};
    }

    /** Stops the shared broker if one runs; a later {@link #get()} starts a new one. */
    public static synchronized void shutdown() {
        Class<?> owner = ownerClass();
        if (owner != SharedKafkaBroker.class) {
            invoke(owner, "shutdown");
        } else {
            closeOwned();
            if (shutdownHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // Called from within JVM shutdown: the hook is running or ran.
                }
                shutdownHook = null;
            }
        }
        view = null;
    }

    private static synchronized void closeOwned() {
        if (owned != null) {
            owned.close();
            owned = null;
        }
    }

    /** This class as the system class loader sees it, or this very class when that one cannot see testkit. */
    private static Class<?> ownerClass() {
        try {
            return Class.forName(SharedKafkaBroker.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return SharedKafkaBroker.class;
        }
    }

    private static Object invoke(Class<?> owner, String method) {
        try {
            Method m = owner.getMethod(method);
            return m.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not reach the shared Kafka broker through " + owner.getClassLoader(), e);
        }
    }
}
