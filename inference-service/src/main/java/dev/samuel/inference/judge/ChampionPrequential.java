package dev.samuel.inference.judge;

import ai.onnxruntime.OrtException;
import dev.samuel.contracts.event.FeatureRow;
import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.monitoring.Judgement;
import dev.samuel.inference.swap.Champions;
import dev.samuel.programs.RowBatch;
import java.util.Optional;

/** Scores a labelled example with the champion this instance serves, as the scoring loop would score its event. */
final class ChampionPrequential implements Prequential {

    private final Champions champions;
    private final ModelIndex models;

    ChampionPrequential(Champions champions, ModelIndex models) {
        this.champions = champions;
        this.models = models;
    }

    @Override
    public Optional<Scored> score(String model, ResolvedExample example) {
        var served = champions.acquire(model).orElse(null);
        if (served == null) {
            return Optional.empty();
        }
        try {
            var signature = served.signature();
            var batch = new RowBatch();
            batch.reset(signature.program().features(), signature.program().categories());
            batch.add(new FeatureRow(example.features(), example.categories()));
            float[] outputs = batch.run(served.program(), signature.program());
            return Optional.of(new Scored(served.version(), Judgement.of(signature, outputs, 0, example.target(),
                    models.errorThreshold(model, served.version()))));
        } catch (OrtException e) {
            throw new IllegalStateException("scoring a labelled example of " + model + " failed", e);
        } finally {
            served.release();
        }
    }
}
