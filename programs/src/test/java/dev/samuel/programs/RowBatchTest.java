package dev.samuel.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.samuel.contracts.model.OutputKind;
import dev.samuel.testkit.onnx.TorchPrograms.Ending;
import dev.samuel.testkit.onnx.TorchPrograms;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RowBatchTest {

    @Test
    void returnsTheSignaturesOutputAsTheProgramWroteItForBatchesOfAnySize() throws Exception {
        try (var program = Program.open(TorchPrograms.mlp(4, 8, 3, 5, Ending.SOFTMAX), 1)) {
            var signature = ProgramReader.read(program, ProgramReaderTest.CLASSES, Optional.empty()).program();
            var batch = new RowBatch();
            batch.reset(4);
            for (int row = 0; row < 2000; row++) {
                batch.add(new float[] {row, -row, 0.5f, 1});
            }

            float[] out = batch.run(program, signature);

            assertThat(signature.kind()).isEqualTo(OutputKind.PROBABILITIES);
            assertThat(out.length).isGreaterThanOrEqualTo(2000 * 3);
            for (int row = 0; row < 2000; row++) {
                assertThat(out[3 * row] + out[3 * row + 1] + out[3 * row + 2]).isCloseTo(1f, within(1e-5f));
            }
            assertThat(batch.rows()).as("a run empties the batch").isZero();
        }
    }
}
