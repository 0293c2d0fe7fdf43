package dev.samuel.inference.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.event.FeatureRow;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.model.Origin;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.model.ProgramSignature;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.onnx.spec.SpecGraphs;
import dev.samuel.onnx.train.Dataset;
import dev.samuel.onnx.train.FreezeMetadata;
import dev.samuel.onnx.train.InitialParameters;
import dev.samuel.onnx.train.InputPreparation;
import dev.samuel.onnx.train.TrainingSession;
import dev.samuel.programs.Program;
import dev.samuel.programs.ProgramReader;
import dev.samuel.programs.RowBatch;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Open Inference Protocol's tensors of a model with missing values and categorical features: numbers with nulls
 * where the spec allows them, and the categories as a BYTES tensor, score as the same rows decoded from records do.
 */
class InputTensorTest {

    static final ModelSpec SPEC = ModelSpecs.parse("""
            {"name": "penguins", "task": {"type": "classification", "classes": 2},
             "input": {"names": ["island", "mass", "sex"], "missing": {"mass": "mean"},
                       "categorical": {"island": {}, "sex": {"embedding": 2}}},
             "layers": [{"dense": 4, "activation": "relu"}, {"dense": 2}]}""");

    @Test
    void numbersAndCategoriesScoreAsDecodedRowsDo() throws Exception {
        try (var program = Program.open(program(), 1)) {
            var signature = ProgramReader.read(program, SPEC, Optional.empty()).program();
            assertThat(signature.categories()).isEqualTo(2);
            var request = request("""
                    [{"name": "features", "shape": [2, 1], "datatype": "FP32", "data": [[3750], [null]]},
                     {"name": "categories", "shape": [2, 2], "datatype": "BYTES", "data": [["Dream", "MALE"], ["Atlantis", null]]}]""");
            var fromTensors = new RowBatch();
            var fromRows = new RowBatch();

            assertThat(InputTensor.fill(request, signature, SPEC.input(), fromTensors)).isEqualTo(2);
            float[] scored = fromTensors.run(program, signature).clone();
            fromRows.reset(1, 2);
            fromRows.add(new FeatureRow(new float[] {3750}, new String[] {"Dream", "MALE"}));
            fromRows.add(new FeatureRow(new float[] {Float.NaN}, new String[] {"Atlantis", FeatureRow.MISSING}));
            float[] expected = fromRows.run(program, signature);
            for (int i = 0; i < 4; i++) {
                assertThat(scored[i]).isFinite().isEqualTo(expected[i]);
            }
        }
    }

    @Test
    void aModelWithCategoriesNeedsTheirTensorAndNullsOnlyWhereAllowed() {
        var signature = new ProgramSignature("features", 1, "scores", 2, OutputKind.PROBABILITIES, Origin.SPEC, 2);
        var numbers = "{\"name\": \"features\", \"shape\": [1, 1], \"datatype\": \"FP32\", \"data\": [1]}";

        assertThatThrownBy(() -> InputTensor.fill(request("[" + numbers + "]"), signature, SPEC.input(), new RowBatch()))
                .isInstanceOf(BadInferRequest.class).hasMessageContaining("the model takes 2 input tensors")
                .hasMessageContaining("\"datatype\": \"BYTES\"");
        assertThatThrownBy(() -> InputTensor.fill(request("[" + numbers + ", {\"name\": \"categories\", \"shape\": [1, 2],"
                + " \"datatype\": \"BYTES\", \"data\": [\"Dream\", 3]}]"), signature, SPEC.input(), new RowBatch()))
                .isInstanceOf(BadInferRequest.class).hasMessageContaining("categorical value 1 is 3; strings only");
        var plain = ModelSpecs.parse(ModelSpecs.toJson(SPEC).replace("\"missing\":{\"mass\":\"mean\"},", ""));
        assertThat(plain.input().missing()).isEmpty();
        assertThatThrownBy(() -> InputTensor.fill(request("[{\"name\": \"features\", \"shape\": [1, 1], \"datatype\":"
                + " \"FP32\", \"data\": [null]}, {\"name\": \"categories\", \"shape\": [1, 2], \"datatype\": \"BYTES\","
                + " \"data\": [\"a\", \"b\"]}]"), signature, plain.input(), new RowBatch()))
                .isInstanceOf(BadInferRequest.class).hasMessageContaining("null where the spec's input.missing");
    }

    private static OipBodies.InferRequest request(String inputs) throws Exception {
        return Json.MAPPER.readValue("{\"id\": \"r\", \"inputs\": " + inputs + "}", OipBodies.InferRequest.class);
    }

    /** The spec's program as a job would freeze it, from a few rows (untrained: only the plumbing is under test). */
    private static byte[] program() {
        var data = Dataset.classification(new float[] {3000, Float.NaN, 4000}, 1, new long[] {0, 1, 0})
                .withCategories(new String[] {"Dream", "MALE", "Biscoe", "", "Dream", "FEMALE"}, 2);
        var model = SpecGraphs.forward(SPEC, InputPreparation.fit(SPEC.input(), data), 3);
        try (var session = TrainingSession.create(model, SpecGraphs.trainingConfig(SPEC, 3), InitialParameters.random(3))) {
            return session.freeze(FreezeMetadata.ofSpec("penguins", "hash", OutputKind.PROBABILITIES));
        }
    }
}
