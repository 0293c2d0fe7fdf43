package dev.samuel.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the stack's Java processes detached from the terminal, with their output in a log file. */
final class ProcessLauncher {

    // In its own session, Ctrl-C on a running `samuel demo` stops the demo, not the stack it started.
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private ProcessLauncher() {
    }

    static StackState.Started start(String name, List<String> javaArgs, Map<String, String> env, Path log,
                                    String marker) {
        var command = new ArrayList<String>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(javaExecutable());
        command.add("-Dsamuel.stack=" + marker);
        command.addAll(javaArgs);
        try {
            Files.createDirectories(log.getParent());
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(env);
            return new StackState.Started(name, builder.start().pid(), marker);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs a short Java program to its end, failing with its output if it fails. */
    static void run(String name, List<String> javaArgs, Path log) throws InterruptedException {
        var command = new ArrayList<String>();
        command.add(javaExecutable());
        command.addAll(javaArgs);
        try {
            Files.createDirectories(log.getParent());
            var process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (process.waitFor() != 0) {
                throw new StackException(name + " failed; its output is in " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + name + ": " + e.getMessage(), e);
        }
    }

    /** The java of the JVM running the cli, so the stack runs on the JDK the user chose. */
    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
