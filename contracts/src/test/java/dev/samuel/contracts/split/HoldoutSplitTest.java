package dev.samuel.contracts.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.split.HoldoutSplit.Split;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoldoutSplitTest {

    /**
     * Pinned buckets: if any of these changes, examples already held out would move into training. The
     * values are Kafka's murmur2 of the UTF-8 key, masked to 31 bits, modulo 10000.
     */
    @ParameterizedTest
    @CsvSource({"example-1, 6795", "example-2, 6734", "digit-00042, 6606", "a, 2524", "'', 6681",
            "日本語, 170", "0f3a, 4370"})
    void bucketsArePinned(String key, int bucket) {
        assertThat(HoldoutSplit.bucket(key.getBytes(StandardCharsets.UTF_8))).isEqualTo(bucket);
    }

    @Test
    void aKeyIsTestExactlyWhenItsBucketIsBelowTheHoldout() {
        assertThat(HoldoutSplit.of("日本語", 0.0171)).isEqualTo(Split.TEST);
        assertThat(HoldoutSplit.of("日本語", 0.0170)).isEqualTo(Split.TRAIN);
        assertThat(HoldoutSplit.of("a", 0.2525)).isEqualTo(Split.TEST);
        assertThat(HoldoutSplit.of("a", 0.2524)).isEqualTo(Split.TRAIN);
    }

    @Test
    void testFractionMatchesTheHoldout() {
        int tests = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            if (HoldoutSplit.of("example-" + i, 0.2) == Split.TEST) {
                tests++;
            }
        }
        assertThat(tests / (double) n).isBetween(0.195, 0.205);
    }

    @Test
    void keylessRecordsAreKeyedByTheSha256OfTheirValue() {
        assertThat(HoldoutSplit.keyFor("hello".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }
}
