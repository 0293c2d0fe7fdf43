package dev.samuel.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.event.ResolvedExample;
import org.junit.jupiter.api.Test;

class ExampleWindowTest {

    @Test
    void keepsTheMostRecentExamplesUpToItsCapacity() {
        var window = new ExampleWindow(3);
        for (int i = 0; i < 5; i++) {
            window.put("id-" + i, example(i));
        }

        assertThat(window.size()).isEqualTo(3);
        assertThat(window.snapshot()).extracting(e -> e.features()[0]).containsExactly(2f, 3f, 4f);
    }

    @Test
    void aResentIdIsARelabelThatCountsAsNewest() {
        var window = new ExampleWindow(3);
        window.put("a", example(1));
        window.put("b", example(2));
        window.put("a", example(9));
        window.put("c", example(3));
        window.put("d", example(4));

        assertThat(window.snapshot()).extracting(e -> e.features()[0]).containsExactly(9f, 3f, 4f);
    }

    @Test
    void aTombstoneRemovesTheExample() {
        var window = new ExampleWindow(3);
        window.put("a", example(1));
        window.remove("a");

        assertThat(window.size()).isZero();
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new ExampleWindow(0)).hasMessageContaining("capacity must be > 0");
    }

    static ResolvedExample example(float value) {
        return new ResolvedExample(new float[] {value}, new float[] {0}, 1f);
    }
}
