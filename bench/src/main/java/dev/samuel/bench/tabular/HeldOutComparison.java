package dev.samuel.bench.tabular;

import dev.samuel.cli.io.Row;
import dev.samuel.contracts.event.ExampleResolver;
import dev.samuel.contracts.event.Features;
import dev.samuel.contracts.event.InvalidRecordException;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.split.HoldoutSplit;
import dev.samuel.programs.HoldoutScore;
import dev.samuel.trainer.data.ExampleSet;
import dev.samuel.trainer.engine.OnnxTrainingEngine;
import dev.samuel.trainer.jobs.HoldoutEvaluator;
import dev.samuel.trainer.jobs.WarmStart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The platform's model on raw records beside the baseline a user builds today, on one split of the same rows. Both
 * are trained by the trainer's own engine ({@link OnnxTrainingEngine}, the spec's seed, the rows in file order as one
 * partition hands them over) and scored by its {@link HoldoutEvaluator}: the frozen ONNX program in ONNX Runtime, as
 * a job scores its candidate. The split is ingest's: each row is resolved against the spec ({@link ExampleResolver},
 * a row it refuses is dead-lettered and never trained on or scored) and routed by {@link HoldoutSplit} on its key.
 */
final class HeldOutComparison {

    /** {@code baselineTrain}: the training rows without a missing number; {@code unscored}: holdout rows with one. */
    record Result(double platform, double baseline, int train, int holdout, int rejected, int baselineTrain,
                  int unscored) {

        String describe(String task) {
            return String.format("%s: %d rows accepted (%d rejected as ingest rejects them), %d to train on, %d held"
                            + " out; platform %.4f; baseline %.4f (trained on %d complete rows; %d held-out rows with"
                            + " a missing number given its majority class)", task, train + holdout, rejected, train,
                    holdout, platform, baseline, baselineTrain, unscored);
        }
    }

    /** A row ingest accepts for the spec, and what the resolver made of it. */
    private record Accepted(Row row, ResolvedExample example) {
    }

    private HeldOutComparison() {
    }

    static Result compare(ModelSpec spec, List<Row> rows) throws Exception {
        var train = new ArrayList<Accepted>();
        var holdout = new ArrayList<Accepted>();
        for (var row : rows) {
            resolved(spec, row.example()).ifPresent(example -> (HoldoutSplit.of(row.id(), spec.training().holdout())
                    == HoldoutSplit.Split.TEST ? holdout : train).add(new Accepted(row, example)));
        }
        double platform = trainAndScore(spec, examples(train), examples(holdout)).accuracy();
        int rejected = rows.size() - train.size() - holdout.size();
        return baseline(spec, train, holdout, platform, rejected);
    }

    /**
     * The user's way: the numbers only, rows with a missing one dropped from training; on the full holdout, a row it
     * cannot score (a missing number) gets the majority class of its training rows.
     */
    private static Result baseline(ModelSpec spec, List<Accepted> train, List<Accepted> holdout, double platform,
                                   int rejected) throws Exception {
        var numeric = TabularSpecs.baseline(spec);
        var complete = train.stream().flatMap(a -> numbersOnly(numeric, a.row()).stream()).toList();
        int majority = majority(complete, spec.task().classes());
        var scored = new ArrayList<ResolvedExample>();
        long majorityHits = 0;
        for (var accepted : holdout) {
            var example = numbersOnly(numeric, accepted.row());
            example.ifPresent(scored::add);
            if (example.isEmpty() && accepted.example().classIndex() == majority) {
                majorityHits++;
            }
        }
        var score = trainAndScore(numeric, complete, scored);
        double baseline = (Math.round(score.accuracy() * score.examples()) + majorityHits) / (double) holdout.size();
        return new Result(platform, baseline, train.size(), holdout.size(), rejected, complete.size(),
                holdout.size() - scored.size());
    }

    /** A job's training and holdout evaluation, as {@code TrainingJob} runs them for a spec without a warm start. */
    private static HoldoutScore trainAndScore(ModelSpec spec, List<ResolvedExample> train,
                                              List<ResolvedExample> holdout) throws Exception {
        var trained = new OnnxTrainingEngine().train(spec, new ExampleSet(train), new WarmStart.None(),
                spec.init().seed(), (epoch, step, loss, rate) -> { });
        return HoldoutEvaluator.score(trained.frozen(), spec, Optional.empty(), new ExampleSet(holdout));
    }

    /** The row's numeric features alone, resolved against the numeric spec: empty when one of them is missing. */
    private static Optional<ResolvedExample> numbersOnly(ModelSpec numeric, Row row) {
        var names = numeric.input().names();
        var values = new LinkedHashMap<String, Float>(((Features.Named) row.features()).values());
        values.keySet().retainAll(names);
        return resolved(numeric, new LabelledExample(new Features.Named(values), row.label(), row.weight()));
    }

    private static Optional<ResolvedExample> resolved(ModelSpec spec, LabelledExample example) {
        try {
            return Optional.of(ExampleResolver.resolve(spec, example));
        } catch (InvalidRecordException e) {
            return Optional.empty();
        }
    }

    /** The most frequent class (the lowest index among equals). */
    private static int majority(List<ResolvedExample> examples, int classes) {
        var counts = new int[classes];
        examples.forEach(example -> counts[example.classIndex()]++);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            best = counts[c] > counts[best] ? c : best;
        }
        return best;
    }

    private static List<ResolvedExample> examples(List<Accepted> accepted) {
        return accepted.stream().map(Accepted::example).toList();
    }
}
