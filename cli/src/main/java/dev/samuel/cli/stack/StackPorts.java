package dev.samuel.cli.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;

/**
 * Loopback ports of a local stack: the broker, its controller, one per service, and the schema registry's.
 * {@code broker} is the bootstrap address of a broker the stack did not start (null when it runs its own, on
 * {@code kafka} and {@code controller}).
 */
public record StackPorts(int kafka, int controller, Map<QuarkusService, Integer> services, Integer schemaRegistry,
                         String broker) {

    /** The schema registry's port unless told otherwise; Confluent's 8081 is ingest's here. */
    public static final int SCHEMA_REGISTRY = 8085;
    public static final StackPorts DEFAULT = new StackPorts(9092, 9093, defaults(), SCHEMA_REGISTRY, null);

    public StackPorts {
        services = Map.copyOf(services);
        // The state file of a stack started before it ran a schema registry names none.
        schemaRegistry = schemaRegistry == null ? SCHEMA_REGISTRY : schemaRegistry;
    }

    /** The same service ports, with the services on a broker the stack does not start. */
    public StackPorts onBroker(String bootstrap) {
        return new StackPorts(kafka, controller, services, schemaRegistry, bootstrap);
    }

    boolean ownBroker() {
        return broker == null;
    }

    public int of(QuarkusService service) {
        return services.get(service);
    }

    public String bootstrap() {
        return ownBroker() ? "127.0.0.1:" + kafka : broker;
    }

    public String url(QuarkusService service) {
        return "http://127.0.0.1:" + of(service);
    }

    /** The root of the schema registry's Confluent API, what the services' and producers' registry URL takes. */
    public String schemaRegistryUrl() {
        return "http://127.0.0.1:" + schemaRegistry + SchemaRegistryNode.CONFLUENT_API;
    }

    /**
     * Fails with the name of what wanted a port that is taken: the services', and the broker's when the stack
     * starts its own.
     */
    void requireFree() {
        var wanted = new ArrayList<Map.Entry<String, Integer>>();
        if (ownBroker()) {
            wanted.add(Map.entry("Kafka", kafka));
            wanted.add(Map.entry("the Kafka controller", controller));
        }
        for (var service : QuarkusService.values()) {
            wanted.add(Map.entry(service.module(), of(service)));
        }
        wanted.add(Map.entry("the schema registry", schemaRegistry));
        for (var port : wanted) {
            try (var socket = new ServerSocket(port.getValue(), 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new StackException("port " + port.getValue() + " for " + port.getKey()
                        + " is in use: stop what listens there (another Kafka or Samuel?) and run up again");
            }
        }
    }

    /** Ports the system has free now: for a stack beside another one, as tests run it. */
    public static StackPorts free() throws IOException {
        var services = new EnumMap<QuarkusService, Integer>(QuarkusService.class);
        for (var service : QuarkusService.values()) {
            services.put(service, freePort());
        }
        return new StackPorts(freePort(), freePort(), services, freePort(), null);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Map<QuarkusService, Integer> defaults() {
        var ports = new EnumMap<QuarkusService, Integer>(QuarkusService.class);
        for (var service : QuarkusService.values()) {
            ports.put(service, service.defaultPort());
        }
        return ports;
    }
}
