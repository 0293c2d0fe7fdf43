package dev.samuel.testkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.testkit.fuzz.MalformedRecords.Family;
import dev.samuel.testkit.fuzz.MalformedRecords.Sample;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The generator itself: reproducible from its seed (a failing fuzz run must be replayable), covering every family,
 * and never asking an unlabelled reader for a reason only labelled examples can have. Whether the reasons are the
 * services' is what the services' fuzz tests check.
 */
class MalformedRecordsTest {

    @Test
    void theSameSeedGivesTheSameRecords() {
        var first = sample(MalformedRecords.labelled(42, 3, 10, 1 << 20), 300);
        var second = sample(MalformedRecords.labelled(42, 3, 10, 1 << 20), 300);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).toString()).as("record %d", i).isEqualTo(first.get(i).toString());
            assertThat(second.get(i).value()).as("record %d", i).isEqualTo(first.get(i).value());
        }
        assertThat(sample(MalformedRecords.labelled(43, 3, 10, 1 << 20), 300).toString()).isNotEqualTo(first.toString());
    }

    @Test
    void labelledExamplesCoverEveryFamilyAndEveryReason() {
        // Few heavy records (up to 3 MB each) keep this fast; 3000 still gives dozens of each heavy family.
        var samples = sample(MalformedRecords.labelled(7, 3, 10, 1 << 20).heavyShare(0.05), 3000);
        assertThat(families(samples)).containsExactlyInAnyOrder(Family.values());
        assertThat(reasons(samples)).containsExactlyInAnyOrder("invalid_json", "invalid_binary", "unknown_encoding",
                "wrong_dimension", "not_finite", "missing_features", "unknown_feature", "missing_label",
                "invalid_label", "invalid_weight", "oversized", "wrong_type");
        assertThat(samples).filteredOn(s -> s.value() != null && s.value().length > 1 << 20)
                .allSatisfy(s -> assertThat(s.reason()).isEqualTo("oversized"));
    }

    @Test
    void unlabelledEventsOnlyGetReasonsAnEventCanHave() {
        var samples = sample(MalformedRecords.unlabelled(7, 4).heavyShare(0.05), 3000);
        assertThat(families(samples)).doesNotContain(Family.OVERSIZED).hasSize(Family.values().length - 1);
        assertThat(reasons(samples)).containsExactlyInAnyOrder("invalid_json", "invalid_binary", "unknown_encoding",
                "wrong_dimension", "not_finite", "missing_features", "unknown_feature", "wrong_type");
        // Every record fits a default Kafka producer request (1 MiB).
        assertThat(samples).allSatisfy(s -> assertThat(s.value() == null ? 0 : s.value().length).isLessThan(1 << 20));
    }

    @Test
    void heavyShareBoundsTheLargeRecords() {
        var samples = sample(MalformedRecords.unlabelled(9, 3).heavyShare(0.02), 5000);
        long heavy = samples.stream().filter(s -> s.family().heavy).count();
        assertThat(heavy).isBetween(50L, 160L);
    }

    @Test
    void validRecordsAreMarkedValidAndCarryTheirNumber() {
        var generator = MalformedRecords.unlabelled(5, 3);
        for (int i = 0; i < 200; i++) {
            var sample = generator.valid(i);
            assertThat(sample.valid()).isTrue();
            assertThat(sample.family()).isNull();
            var json = new String(sample.value(), java.nio.charset.StandardCharsets.UTF_8);
            if (sample.variant().equals("json")) {
                assertThat(json).contains("[" + (float) i + ",");
            }
        }
    }

    private static List<Sample> sample(MalformedRecords generator, int count) {
        var samples = new ArrayList<Sample>();
        for (int i = 0; i < count; i++) {
            samples.add(generator.malformed());
        }
        return samples;
    }

    private static Set<Family> families(List<Sample> samples) {
        var families = EnumSet.noneOf(Family.class);
        samples.forEach(s -> families.add(s.family()));
        return families;
    }

    private static Set<String> reasons(List<Sample> samples) {
        var reasons = new TreeSet<String>();
        samples.forEach(s -> reasons.add(s.reason()));
        return reasons;
    }
}
