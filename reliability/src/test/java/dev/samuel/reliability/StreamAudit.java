package dev.samuel.reliability;

import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.reliability.TopicCensus.Verdict;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What became of everything one stream sent: each good example in train or test, each good event with its
 * prediction, each malformed record in rejected, and no malformed record anywhere a good one goes.
 *
 * @param misrouted malformed records found in train, test or predictions: accepted where they had to be refused
 * @param tooLarge  malformed records the producer refused to send, so outside the platform's accounts
 */
record StreamAudit(Verdict examples, Verdict events, Verdict badExamples, Verdict badEvents, long misrouted,
                   int tooLarge) {

    private static final Duration POLL = Duration.ofSeconds(2);

    /** Audits the stream once it has settled: when nothing it sent is missing, or when the patience is spent. */
    static StreamAudit settle(Map<String, Object> kafka, ModelTopics topics, Stream stream, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            var audit = take(kafka, topics, stream);
            if (audit.lost() == 0 || System.nanoTime() > deadline) {
                return audit;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    static StreamAudit take(Map<String, Object> kafka, ModelTopics topics, Stream stream) {
        var split = TopicCensus.count(kafka, topics.train().name(), topics.test().name());
        var predictions = TopicCensus.count(kafka, topics.predictions().name());
        // Ingest and inference dead-letter into the same topic; the keys (-bx, -be) tell whose record it is.
        var rejected = TopicCensus.count(kafka, topics.rejected().name());
        Set<String> badExamples = stream.badExamples();
        Set<String> badEvents = stream.badEvents();
        return new StreamAudit(Verdict.of(stream.examples(), split), Verdict.of(stream.events(), predictions),
                Verdict.of(badExamples, rejected), Verdict.of(badEvents, rejected),
                TopicCensus.present(badExamples, split) + TopicCensus.present(badEvents, predictions),
                stream.tooLarge());
    }

    /** Records the broker acknowledged and no reader will ever see: a bad one missing from rejected included. */
    long lost() {
        return examples.lost() + events.lost() + badExamples.lost() + badEvents.lost();
    }

    long duplicated() {
        return examples.duplicated() + events.duplicated() + badExamples.duplicated() + badEvents.duplicated();
    }

    /** The malformed records the platform received, each of which it owes a dead letter. */
    int badInputs() {
        return badExamples.sent() + badEvents.sent();
    }

    @Override
    public String toString() {
        return "examples %s, events %s, malformed examples %s, malformed events %s, misrouted %d, too large to send %d"
                .formatted(examples, events, badExamples, badEvents, misrouted, tooLarge);
    }
}
