package dev.samuel.ingest.streams;

import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.plumbing.launch.JavaCommand;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One ingest instance (the service's topology and processing guarantee) in a JVM of its own, so that a test can kill
 * it with SIGKILL, as a crashed pod dies: no leave-group, an open transaction left behind.
 */
public final class IngestProcess {

    /**
     * A dead member's partitions move once its session has timed out: 6 s here instead of Kafka's 45 s, to keep the
     * test short. The transaction it left open, which holds its partitions' new owner and read_committed readers
     * back, is aborted by the broker once it times out: 6 s here too, instead of Kafka Streams' 10 s.
     */
    static final Map<String, Object> QUICK_SESSION = Map.of(
            StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000,
            StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_000,
            StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 6_000);

    private IngestProcess() {
    }

    /** Arguments: bootstrap servers, the labelled topic it reads, the application id. */
    public static void main(String[] args) throws InterruptedException {
        var streams = IngestAtScaleTest.start(args[0], args[1], args[2], QUICK_SESSION);
        Runtime.getRuntime().addShutdownHook(new Thread(streams::close));
        Thread.sleep(Long.MAX_VALUE);
    }

    static Process start(String bootstrap, ModelTopics topics, String applicationId, Path log) {
        return JavaCommand.main(System.getProperty("java.class.path"), IngestProcess.class.getName())
                .option("-Xmx256m").property("java.util.logging.manager", "org.jboss.logmanager.LogManager").args(bootstrap, topics.labelled().name(), applicationId).log(log).start();
    }
}
