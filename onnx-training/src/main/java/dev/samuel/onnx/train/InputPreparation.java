package dev.samuel.onnx.train;

import dev.samuel.contracts.spec.Input;

/**
 * What a job learns from its training data about a spec's inputs, frozen into the program as constants: the fills of
 * missing numbers, the categorical features' vocabularies, and the standardisation of the filled numbers and their
 * "was missing" columns (null when the spec does not standardise).
 */
public record InputPreparation(Imputation imputation, Vocabularies vocabularies, Standardization standardization) {

    public static InputPreparation fit(Input input, Dataset data) {
        var imputation = Imputation.fit(input, data);
        var standardization = input.standardize() ? Standardization.fit(
                imputation.apply(data.features(), data.featureCount()), imputation.width(data.featureCount())) : null;
        return new InputPreparation(imputation, Vocabularies.fit(input, data), standardization);
    }
}
