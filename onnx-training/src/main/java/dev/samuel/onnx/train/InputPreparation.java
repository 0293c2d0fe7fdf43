package dev.samuel.onnx.train;

import dev.samuel.contracts.spec.Input;
import java.util.List;

/**
 * What a job learns from its training data about a spec's inputs, frozen into the program as constants: the fills of
 * missing numbers, the categorical features' vocabularies, and the standardisation of the filled numbers and their
 * "was missing" columns (null when the spec does not standardise).
 */
public record InputPreparation(Imputation imputation, Vocabularies vocabularies, Standardization standardization) {

    public static InputPreparation fit(Input input, Dataset data) {
        return fit(input, List.of(data));
    }

    /**
     * The same over training data read in chunks (a store larger than memory), to the same result: one pass for the
     * fills, one for the vocabularies, and, where the spec standardises, one over the filled values; a pass with
     * nothing to learn reads nothing.
     */
    public static InputPreparation fit(Input input, Iterable<Dataset> chunks) {
        var imputation = Imputation.fit(input, chunks);
        Standardization standardization = null;
        if (input.standardize()) {
            var moments = new Standardization.Moments(imputation.width(input.featureCount()));
            for (var chunk : chunks) {
                moments.add(imputation.apply(chunk.features(), chunk.featureCount()));
            }
            standardization = moments.result();
        }
        return new InputPreparation(imputation, Vocabularies.fit(input, chunks), standardization);
    }
}
