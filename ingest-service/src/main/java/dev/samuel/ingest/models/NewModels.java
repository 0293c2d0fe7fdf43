package dev.samuel.ingest.models;

import dev.samuel.contracts.registry.RegistryRecord;
import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.ingest.streams.SubscriptionRefresh;
import dev.samuel.ingest.topics.AdminTopicProvisioner;
import dev.samuel.plumbing.kafka.FollowerStatus;
import dev.samuel.plumbing.kafka.RegistryFollower;
import io.quarkus.kafka.streams.runtime.KafkaStreamsProducer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The registry's spec record is the moment a model exists. Ingest follows the registry, and for each model whose
 * labelled topic it has not seen, creates the model's topics (labelled, train, test, rejected) and has the
 * topology pick the labelled one up at once ({@link SubscriptionRefresh}): a user who creates a model and
 * produces at once has the examples routed within a second or two, not after the next metadata refresh.
 */
@ApplicationScoped
public class NewModels {

    private static final Logger LOG = Logger.getLogger(NewModels.class);

    private final Instance<KafkaStreamsProducer> streams;
    private final AdminTopicProvisioner topics;
    private final SubscriptionRefresh refresh;
    private final RegistryState registry = new RegistryState();
    private final Set<String> labelledTopics = ConcurrentHashMap.newKeySet();
    private RegistryFollower follower;

    public NewModels(Instance<KafkaStreamsProducer> streams, AdminTopicProvisioner topics,
                     SubscriptionRefresh refresh) {
        this.streams = streams;
        this.topics = topics;
        this.refresh = refresh;
    }

    void start(@Observes StartupEvent started) {
        registry.addListener((key, record) -> arrived(record));
        // The settings Streams derives from Quarkus' configuration: the follower logs in as the topology does.
        var streamsConfig = streams.get().getStreamsConfig();
        var instance = UUID.randomUUID().toString().substring(0, 8);
        follower = RegistryFollower.start(streamsConfig.getGlobalConsumerConfigs("samuel-ingest-new-models"),
                "ingest-" + instance, registry);
    }

    private void arrived(RegistryRecord record) {
        if (!(record instanceof SpecRecord spec)) {
            return;
        }
        var modelTopics = Topics.of(spec.spec());
        if (!labelledTopics.add(modelTopics.labelled().name())) {
            return;
        }
        try {
            topics.ensureLabelledTopic(modelTopics);
            // The rejoin takes a moment: it goes on while the output topics are created.
            refresh.request();
            topics.ensureOutputTopics(modelTopics);
        } catch (RuntimeException e) {
            // The topology still finds the topic at its next metadata refresh; the next spec record tries again.
            labelledTopics.remove(modelTopics.labelled().name());
            LOG.warnf("Could not create the topics of model %s: %s", spec.model(), e.getMessage());
        }
    }

    /** Empty while the service starts. */
    public Optional<FollowerStatus> status() {
        return Optional.ofNullable(follower).map(RegistryFollower::status);
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        if (follower != null) {
            follower.close();
        }
    }
}
