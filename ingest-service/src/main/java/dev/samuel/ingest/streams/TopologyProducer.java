package dev.samuel.ingest.streams;

import dev.samuel.contracts.avro.AvroRecords;
import dev.samuel.ingest.config.IngestConfig;
import dev.samuel.plumbing.streams.StreamThreadRestarts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.regex.Pattern;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/** The one topology bean that Quarkus runs, and what it does with a stream thread that dies. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    Topology topology(IngestConfig config, RoutingListener listener, TopicProvisioner provisioner) {
        var settings = new IngestTopology.Settings(Pattern.compile(config.labelledTopics()), config.maxRecordBytes(),
                AvroRecords.codec(config.schemaRegistry(), StreamThreadRestarts.REGISTRY_PATIENCE));
        return IngestTopology.build(new StreamsBuilder(), settings, listener, provisioner);
    }

    @Produces
    @ApplicationScoped
    StreamsUncaughtExceptionHandler threadRestarts() {
        return new StreamThreadRestarts("ingest");
    }
}
