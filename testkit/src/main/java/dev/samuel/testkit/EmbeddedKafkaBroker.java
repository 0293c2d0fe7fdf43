package dev.samuel.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.samuel.contracts.broker.SingleNodeBroker;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node KRaft Kafka (combined broker and controller) inside the test JVM, on free loopback
 * ports, with its data in a temporary directory that {@link #close()} deletes. Starts in about 2 s.
 *
 * <p>Configured by {@link SingleNodeBroker}, as the broker processes of the local stack and the benchmarks are.
 * Built from {@link KafkaRaftServer} and Kafka's {@link StorageTool} rather than {@code KafkaClusterTestKit}: that
 * one defaults to an unreleased metadata version and drags JUnit's engine and launcher in at compile scope.
 */
public final class EmbeddedKafkaBroker implements KafkaBroker {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = SingleNodeBroker.HOST;
    /** Ports are probed then released before Kafka binds them; another process may win the race. */
    private static final int START_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final String bootstrapServers;
    private final SaslPlain sasl;
    private final TlsFiles tls;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path dataDir, String bootstrapServers, SaslPlain sasl,
            TlsFiles tls) {
        this.server = server;
        this.dataDir = dataDir;
        this.bootstrapServers = bootstrapServers;
        this.sasl = sasl;
        this.tls = tls;
    }

    /** Formats a fresh log directory, starts the broker and waits until it serves requests. */
    public static EmbeddedKafkaBroker start() {
        return start(null, false);
    }

    /**
     * A broker whose listeners accept only these SASL/PLAIN users and that authorizes every request by ACLs;
     * {@link #clientSettings()} log in as {@value SaslPlain#ADMIN}, the super user who grants the others' ACLs.
     */
    public static EmbeddedKafkaBroker startWithSasl(SaslPlain users) {
        return start(Objects.requireNonNull(users), false);
    }

    /**
     * As {@link #startWithSasl}, over TLS: every listener is SASL_SSL, with a CA and a broker certificate made for
     * this broker ({@link TlsFiles}, in its data directory). {@link #login(String)} gives a client the truststore.
     */
    public static EmbeddedKafkaBroker startWithSaslSsl(SaslPlain users) {
        return start(Objects.requireNonNull(users), true);
    }

    private static EmbeddedKafkaBroker start(SaslPlain sasl, boolean tls) {
        BrokerLogging.quietBroker();
        // Kafka instantiates plugins (e.g. the share-group state persister) through the thread context
        // class loader, and its threads inherit it. Under Quarkus that is a per-application loader with
        // its own copy of the Kafka classes (NoSuchMethodException on mixed copies) that is closed when
        // the application stops: the broker must use the loader its own classes came from.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmbeddedKafkaBroker.class.getClassLoader());
        try {
            RuntimeException last = null;
            for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                try {
                    return startOnce(sasl, tls);
                } catch (RuntimeException e) {
                    last = e;
                    LOG.warn("Embedded Kafka failed to start (attempt {} of {}): {}", attempt, START_ATTEMPTS, e.toString());
                }
            }
            throw last;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static EmbeddedKafkaBroker startOnce(SaslPlain sasl, boolean withTls) {
        long t0 = System.nanoTime();
        Path dataDir = createTempDir();
        KafkaRaftServer server = null;
        try {
            TlsFiles tls = withTls ? TlsFiles.generate(dataDir) : null;
            int brokerPort = freePort();
            int controllerPort = freePort();
            Properties props = brokerProperties(dataDir, brokerPort, controllerPort, sasl, tls);
            KafkaConfig config = KafkaConfig.fromProps(props, false);
            format(dataDir, props);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, dataDir, HOST + ":" + brokerPort, sasl, tls);
            TopicAdmin.awaitBrokerReady(broker.clientSettings());
            LOG.info("Embedded Kafka {} ready in {} ms", broker.bootstrapServers, (System.nanoTime() - t0) / 1_000_000);
            return broker;
        } catch (RuntimeException | Error e) {
            stopQuietly(server);
            deleteRecursively(dataDir);
            throw e;
        }
    }

    /**
     * The platform's one broker configuration, with SASL's settings on top when the broker takes logins, and TLS's
     * when it encrypts.
     */
    static Properties brokerProperties(Path dataDir, int brokerPort, int controllerPort, SaslPlain sasl, TlsFiles tls) {
        Properties p = SingleNodeBroker.properties(dataDir.resolve("data"), brokerPort, controllerPort,
                protocol(sasl, tls).name);
        if (sasl != null) {
            p.putAll(sasl.brokerProperties(protocol(sasl, tls).name, SingleNodeBroker.CONTROLLER_LISTENER));
        }
        if (tls != null) {
            p.putAll(tls.brokerProperties());
        }
        return p;
    }

    private static SecurityProtocol protocol(SaslPlain sasl, TlsFiles tls) {
        if (sasl == null) {
            return SecurityProtocol.PLAINTEXT;
        }
        return tls == null ? SecurityProtocol.SASL_PLAINTEXT : SecurityProtocol.SASL_SSL;
    }

    /**
     * Formats the storage with Kafka's own tool, as the broker process of the local stack and the benchmarks is
     * formatted ({@code kafka-storage format --standalone}), from the same server.properties.
     */
    private static void format(Path dataDir, Properties props) {
        Path file = dataDir.resolve("server.properties");
        SingleNodeBroker.write(props, file);
        String[] args = {"format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c", file.toString()};
        int status;
        try {
            // The tool reports progress on stdout; tests do not need it.
            status = StorageTool.execute(args, new PrintStream(OutputStream.nullOutputStream()));
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + dataDir + ": " + e.getMessage(), e);
        }
        if (status != 0) {
            throw new IllegalStateException("Could not format Kafka storage in " + dataDir + " (status " + status + ")");
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** With SASL, the bootstrap servers and the admin's {@link #login}. */
    @Override
    public Map<String, Object> clientSettings() {
        var settings = new HashMap<>(KafkaBroker.super.clientSettings());
        if (sasl != null) {
            settings.putAll(login(SaslPlain.ADMIN));
        }
        return settings;
    }

    /**
     * What a client needs besides the bootstrap servers to log in as {@code user}: security.protocol, sasl.* and,
     * over TLS, the truststore with the broker's CA ({@link TlsFiles#clientTrust()}).
     */
    public Map<String, Object> login(String user) {
        if (sasl == null) {
            throw new IllegalStateException("this broker takes no logins");
        }
        var login = new HashMap<>(sasl.client(user));
        login.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol(sasl, tls).name);
        if (tls != null) {
            login.putAll(tls.clientTrust());
        }
        return login;
    }

    /** Lets {@code user} do {@code operation} on the topic named {@code topic} (literally): an ACL the admin grants. */
    public void allowOnTopic(String user, String topic, AclOperation operation) {
        var acl = new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                new AccessControlEntry(SaslPlain.principal(user), "*", operation, AclPermissionType.ALLOW));
        try (var admin = admin()) {
            admin.createAcls(List.of(acl)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot grant " + acl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while granting " + acl, e);
        }
    }

    @Override
    public String describe() {
        return "embedded Kafka " + bootstrapServers + (sasl == null ? "" : " (" + protocol(sasl, tls).name + ", ACLs)");
    }

    /** The broker's directory: its server.properties and its logs ({@code data/}); gone after {@link #close()}. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker and deletes its data directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopQuietly(server);
        deleteRecursively(dataDir);
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Embedded Kafka did not shut down cleanly: {}", e.toString());
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("samuel-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.toString());
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
