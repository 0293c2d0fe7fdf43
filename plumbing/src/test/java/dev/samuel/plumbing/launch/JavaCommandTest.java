package dev.samuel.plumbing.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs, started as the stack, the tests and the benchmarks start theirs. */
class JavaCommandTest {

    static final String CLASSPATH = System.getProperty("java.class.path");

    @TempDir
    Path dir;

    @Test
    void aProgramGetsItsArgumentsPropertiesAndEnvironmentAndItsOutputIsAppendedToItsLog()
            throws IOException, InterruptedException {
        var log = dir.resolve("logs/echo.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "before\n");

        JavaCommand.main(CLASSPATH, Echo.class.getName()).property("echo.property", "p 1").args("0", "a b")
                .env(Map.of("ECHO_ENV", "e1")).log(log).runToEnd("echo");

        assertThat(Files.readAllLines(log)).containsExactly("before", "args 0 a b", "property p 1", "env e1");
    }

    @Test
    void aProgramThatFailsNamesItsLog() {
        var log = dir.resolve("failing.log");

        assertThatThrownBy(() -> JavaCommand.main(CLASSPATH, Echo.class.getName()).args("3").log(log)
                .runToEnd("the echo"))
                .isInstanceOf(LaunchException.class)
                .hasMessage("the echo failed (status 3); its output is in " + log);
    }

    @Test
    void aDetachedProgramRunsInASessionOfItsOwn() throws InterruptedException {
        var command = JavaCommand.main(CLASSPATH, Echo.class.getName()).detached();

        assertThat(command.command().get(0)).isEqualTo(Files.isExecutable(Path.of("/usr/bin/setsid"))
                ? "/usr/bin/setsid" : Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(command.args("0").start().waitFor()).isZero();
    }

    @Test
    void aServiceThatStopsWhileStartingFailsWithTheEndOfItsLog() {
        var log = dir.resolve("service.log");
        var process = JavaCommand.main(CLASSPATH, Echo.class.getName()).args("1", "never ready").log(log).start();
        var service = new RunningService("echo", process, "http://127.0.0.1:1", log);

        assertThatThrownBy(() -> service.awaitReady(Duration.ofSeconds(60)))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("echo stopped while starting. The end of " + log)
                .hasMessageContaining("args 1 never ready");
    }

    @Test
    void aServiceThatWasNeverBuiltSaysHowToBuildIt() {
        var service = PackagedService.in(dir, "model-registry");

        assertThat(service.jar()).isEqualTo(dir.resolve("model-registry/target/quarkus-app/quarkus-run.jar"));
        assertThatThrownBy(() -> service.command(8082)).isInstanceOf(LaunchException.class)
                .hasMessageContaining("build it first (mvn -B package -DskipTests -pl model-registry -am)");
    }

    @Test
    void aPackagedServiceListensOnLoopbackOnItsPort() throws IOException {
        var service = PackagedService.in(dir, "model-registry");
        Files.createDirectories(service.jar().getParent());
        Files.createFile(service.jar());

        assertThat(service.command(8082).command()).containsSubsequence("-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=8082", "-jar", service.jar().toString());
    }
}
