package dev.samuel.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.cli.Samuel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `samuel import` refuses before it sends anything, through the real command line. */
class ImportCommandTest {

    @TempDir
    Path folder;

    @Test
    void anOutputKindThePlatformDoesNotKnowIsRefusedNamingTheKinds() {
        var err = run(2, "import", "m.onnx", "--model", "m", "--outputs", "scores");

        assertThat(err).contains("Invalid value for option '--outputs'")
                .contains("output kind must be one of [probabilities, logits, values], got 'scores'");
    }

    @Test
    void aFileThatCannotBeReadIsNamed() {
        var missing = folder.resolve("missing.onnx");

        assertThat(run(1, "import", missing.toString(), "--model", "m", "--registry", "http://127.0.0.1:9"))
                .isEqualTo("samuel: no file " + missing);
    }

    private static String run(int exitCode, String... args) {
        var err = new StringWriter();
        var line = Samuel.commandLine();
        line.setErr(new PrintWriter(err, true));
        assertThat(line.execute(args)).isEqualTo(exitCode);
        return err.toString().strip();
    }
}
