package dev.samuel.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.spec.Input;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Task;
import dev.samuel.contracts.spec.TopicNames;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void modelTopicsDefaultToModelDotRole() {
        var topics = Topics.of("digits");

        assertThat(topics.all()).extracting(Topic::name).containsExactly("digits.labelled", "digits.train",
                "digits.test", "digits.unlabelled", "digits.predictions", "digits.rejected", "digits.performance");
        assertThat(Topics.REGISTRY.name()).isEqualTo("samuel.registry");
    }

    @Test
    void specOverridesReplaceSingleNames() {
        var spec = new ModelSpec("digits", Task.classification(2), Input.of(1), List.of(Layer.dense(2)), null, null,
                null, null, null, new TopicNames("raw.digits", null, null, null, "digits.scores", null));

        var topics = Topics.of(spec);

        assertThat(topics.labelled().name()).isEqualTo("raw.digits");
        assertThat(topics.train().name()).isEqualTo("digits.train");
        assertThat(topics.predictions().name()).isEqualTo("digits.scores");
        assertThat(topics.performance().name()).isEqualTo("digits.performance");
    }
}
