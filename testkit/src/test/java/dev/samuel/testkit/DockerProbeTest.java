package dev.samuel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DockerProbeTest {

    @Test
    void testcontainersProbeIsBoundedInTime() {
        // Asks Testcontainers directly, skipping the cheap pre-check, to show the bound holds
        // whatever the environment (here: no engine, docker CLI present).
        long t0 = System.nanoTime();
        DockerProbe.askTestcontainers(3000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).isLessThan(4500);
    }

    @Test
    void preCheckIsCheap() {
        long t0 = System.nanoTime();
        DockerProbe.engineHintPresent();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(500);
    }

    @Test
    void modeParsing() {
        assertThat(KafkaBrokers.Mode.parse(null)).isEqualTo(KafkaBrokers.Mode.AUTO);
        assertThat(KafkaBrokers.Mode.parse("EMBEDDED")).isEqualTo(KafkaBrokers.Mode.EMBEDDED);
        assertThat(KafkaBrokers.Mode.parse("testcontainers")).isEqualTo(KafkaBrokers.Mode.TESTCONTAINERS);
        assertThatThrownBy(() -> KafkaBrokers.Mode.parse("zookeeper")).isInstanceOf(IllegalArgumentException.class);
    }
}
