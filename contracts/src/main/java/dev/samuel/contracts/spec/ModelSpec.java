package dev.samuel.contracts.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The architecture and training recipe of one model (every field: docs/model-spec.md). Required parts
 * ({@code name}, {@code task}, {@code input}, {@code layers}) stay null when absent so that
 * {@link ModelSpecValidator} can name them; every optional part gets its documented default here.
 */
@JsonIgnoreProperties("$schema")
public record ModelSpec(
        String name,
        Task task,
        Input input,
        List<Layer> layers,
        String loss,
        Optimizer optimizer,
        Init init,
        Training training,
        Promotion promotion,
        TopicNames topics,
        // Written only when it is not the default, so that a spec without it keeps its JSON, and its hash.
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Monitoring.IsDefault.class)
        Monitoring monitoring) {

    public static final String SOFTMAX_CROSS_ENTROPY = "softmax_cross_entropy";
    public static final String MEAN_SQUARED_ERROR = "mse";
    public static final String BINARY_CROSS_ENTROPY = "binary_cross_entropy";
    public static final List<String> LOSSES = List.of(SOFTMAX_CROSS_ENTROPY, MEAN_SQUARED_ERROR, BINARY_CROSS_ENTROPY);

    public ModelSpec {
        layers = layers == null ? null : List.copyOf(layers);
        if (loss == null && task != null) {
            loss = task.isClassification() ? SOFTMAX_CROSS_ENTROPY : MEAN_SQUARED_ERROR;
        }
        optimizer = optimizer == null ? Optimizer.DEFAULT : optimizer;
        init = init == null ? Init.DEFAULT : init;
        training = training == null ? Training.DEFAULT : training;
        promotion = promotion == null ? Promotion.DEFAULT : promotion;
        topics = topics == null ? TopicNames.DEFAULTS : topics;
        monitoring = monitoring == null ? Monitoring.DEFAULT : monitoring;
    }

    public ModelSpec(String name, Task task, Input input, List<Layer> layers, String loss, Optimizer optimizer,
                     Init init, Training training, Promotion promotion, TopicNames topics) {
        this(name, task, input, layers, loss, optimizer, init, training, promotion, topics, null);
    }
}
