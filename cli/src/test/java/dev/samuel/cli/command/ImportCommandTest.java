package dev.samuel.cli.command;

import static dev.samuel.cli.CommandLineRun.stderr;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `samuel import` refuses before it sends anything, through the real command line. */
class ImportCommandTest {

    @TempDir
    Path folder;

    @Test
    void anOutputKindThePlatformDoesNotKnowIsRefusedNamingTheKinds() {
        var err = stderr(2, "import", "m.onnx", "--model", "m", "--outputs", "scores");

        assertThat(err).contains("Invalid value for option '--outputs'")
                .contains("output kind must be one of [probabilities, logits, values], got 'scores'");
    }

    @Test
    void aFileThatCannotBeReadIsNamed() {
        var missing = folder.resolve("missing.onnx");

        assertThat(stderr(1, "import", missing.toString(), "--model", "m", "--registry", "http://127.0.0.1:9"))
                .isEqualTo("samuel: no file " + missing);
    }
}
