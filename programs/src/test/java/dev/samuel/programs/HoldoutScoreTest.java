package dev.samuel.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.testkit.onnx.TorchPrograms;
import dev.samuel.testkit.onnx.TorchPrograms.Ending;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HoldoutScoreTest {

    @Test
    void aRegressionsErrorLineIsThe90thPercentileOfItsSquaredErrors() throws Exception {
        try (var program = Program.open(TorchPrograms.mlp(4, 8, 2, 3, Ending.LOGITS), 1)) {
            var signature = ProgramReader.read(program, ProgramReaderTest.REGRESSION, Optional.empty());
            var random = new Random(5);
            var examples = new ArrayList<ResolvedExample>();
            for (int i = 0; i < 200; i++) {
                float[] features = {random.nextFloat(), random.nextFloat(), random.nextFloat(), random.nextFloat()};
                examples.add(new ResolvedExample(features, new float[] {i / 10f, -i / 20f}, 1));
            }

            var score = HoldoutScore.of(program, signature, examples);

            // The same losses, one row at a time, sorted: the 180th of 200 is the nearest-rank 90th percentile.
            double[] losses = new double[examples.size()];
            var batch = new RowBatch();
            for (int i = 0; i < examples.size(); i++) {
                batch.reset(4);
                batch.add(examples.get(i).features());
                losses[i] = signature.loss(batch.run(program, signature.program()), 0, examples.get(i).target());
            }
            Arrays.sort(losses);
            assertThat(score.errorP90()).isCloseTo(losses[179], org.assertj.core.data.Offset.offset(1e-9));
            assertThat(score.errorP90()).isGreaterThan(score.loss());
            assertThat(HoldoutScore.of(program, signature, examples.subList(0, 0)).errorP90()).isNaN();
        }
    }

    @Test
    void aClassifierHasNoErrorLine() throws Exception {
        try (var program = Program.open(TorchPrograms.mlp(4, 8, 3, 5, Ending.SOFTMAX), 1)) {
            var signature = ProgramReader.read(program, ProgramReaderTest.CLASSES, Optional.empty());
            var examples = java.util.List.of(new ResolvedExample(new float[] {1, 2, 3, 4}, new float[] {2}, 1));

            assertThat(HoldoutScore.of(program, signature, examples).errorP90()).isNaN();
        }
    }
}
