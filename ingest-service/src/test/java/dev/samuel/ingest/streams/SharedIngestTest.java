package dev.samuel.ingest.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.TopicNames;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.testkit.KafkaBroker;
import dev.samuel.testkit.WithKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * Ingest instances of one application id share a model's partitions: two route the first 20,000 examples, then the
 * first leaves while the second step's examples may still be in flight and a third joins, and the second, a JVM of
 * its own, is killed (SIGKILL) while the last 10,000 are routed; each move a rebalance under exactly-once. Every example is routed exactly once (a duplicate would show in the counts), to the split its
 * key names, whichever instance held its partition.
 */
@WithKafka
class SharedIngestTest {

    static final int PER_STEP = 10_000;
    static final ModelSpec SPEC = IngestTopologyTest.spec("shared", IngestAtScaleTest.HOLDOUT,
            new TopicNames("shared.examples", null, null, null, null, null));
    static final ModelTopics TOPICS = Topics.of(SPEC);
    static final String APPLICATION = "ingest-shared";

    @Test
    void instancesJoinLeaveAndDieAndEveryExampleIsRoutedOnce(KafkaBroker broker) throws Exception {
        IngestAtScaleTest.createTopics(broker, SPEC);
        var expected = new HashMap<String, Integer>();
        var victim = IngestProcess.start(broker.bootstrapServers(), TOPICS, APPLICATION,
                Path.of("target", APPLICATION + "-victim.log"));
        var first = start(broker);
        KafkaStreams third = null;
        try {
            awaitMembers(broker, 2);
            produce(broker, expected, 0);
            SplitLedger.await(broker, TOPICS, PER_STEP / 2, Duration.ofSeconds(60));
            produce(broker, expected, 1);
            // Scale-down: Kafka Streams closes without leaving the group, so its tasks move to the others once its
            // session times out.
            first.close(Duration.ofSeconds(30));
            third = start(broker);
            awaitMembers(broker, 2);
            produce(broker, expected, 2);
            victim.destroyForcibly(); // a crash: its tasks move once its session times out, its transaction aborted

            var ledger = SplitLedger.await(broker, TOPICS, 3 * PER_STEP, Duration.ofSeconds(120));
            assertThat(ledger.total()).isEqualTo(3 * PER_STEP);
            assertThat(ledger.train()).isEqualTo(expected.get("train"));
            assertThat(ledger.test()).isEqualTo(expected.get("test"));
            assertThat(ledger.rejected()).isEqualTo(expected.get("rejected"));
            assertThat(ledger.keysInBothSplits()).isEmpty();
        } finally {
            victim.destroyForcibly();
            first.close(Duration.ofSeconds(30));
            if (third != null) {
                third.close(Duration.ofSeconds(30));
            }
        }
    }

    /**
     * An instance in this JVM with the victim's short session (6 s, not Kafka's 45 s): a closed instance's tasks
     * move once its session times out too, and the test would otherwise wait out the default.
     */
    private static KafkaStreams start(KafkaBroker broker) {
        return IngestAtScaleTest.start(broker.bootstrapServers(), TOPICS.labelled().name(), APPLICATION,
                IngestProcess.QUICK_SESSION);
    }

    /** Until the application's group has {@code count} members with partitions: a joiner took its share. */
    private static void awaitMembers(KafkaBroker broker, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (var admin = broker.admin()) {
            while (true) {
                var group = admin.describeConsumerGroups(List.of(APPLICATION)).all().get().get(APPLICATION);
                long holding = group.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty())
                        .count();
                if (holding == count && group.groupState() == GroupState.STABLE) {
                    return;
                }
                assertThat(System.nanoTime()).as("%d members holding partitions of %s", count, APPLICATION)
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }

    private static void produce(KafkaBroker broker, Map<String, Integer> expected, int step) {
        IngestAtScaleTest.produceMixedExamples(broker, TOPICS, step * PER_STEP, (step + 1) * PER_STEP)
                .forEach((split, count) -> expected.merge(split, count, Integer::sum));
    }
}
