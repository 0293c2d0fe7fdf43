package dev.samuel.plumbing.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JVM to start as a process of its own: a packaged jar or a main class on a class path, with its options, system
 * properties, environment and log file. It runs on the java of this JVM, so a child uses the JDK its parent chose.
 */
public final class JavaCommand {

    // In its own session, Ctrl-C in the terminal that started it (a running `samuel demo`) does not reach it.
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final File NO_INPUT = new File("/dev/null");

    private final List<String> target;
    private final List<String> options = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path log;
    private boolean detached;

    private JavaCommand(List<String> target) {
        this.target = target;
    }

    public static JavaCommand jar(Path jar) {
        return new JavaCommand(List.of("-jar", jar.toString()));
    }

    public static JavaCommand main(String classpath, String mainClass) {
        return new JavaCommand(List.of("-cp", classpath, mainClass));
    }

    /** JVM options, as in {@code -Xmx256m}. */
    public JavaCommand option(String... jvmOptions) {
        options.addAll(List.of(jvmOptions));
        return this;
    }

    public JavaCommand property(String key, Object value) {
        options.add("-D" + key + "=" + value);
        return this;
    }

    public JavaCommand args(String... programArgs) {
        args.addAll(List.of(programArgs));
        return this;
    }

    public JavaCommand env(Map<String, String> variables) {
        env.putAll(variables);
        return this;
    }

    /** Its output and errors, appended to this file; without one they are discarded. */
    public JavaCommand log(Path file) {
        this.log = file;
        return this;
    }

    /** In a session of its own where the system has {@code setsid}: it outlives a Ctrl-C of its parent's terminal. */
    public JavaCommand detached() {
        this.detached = true;
        return this;
    }

    public List<String> command() {
        var command = new ArrayList<String>();
        if (detached && Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(target);
        command.addAll(args);
        return command;
    }

    public Process start() {
        try {
            var builder = new ProcessBuilder(command()).redirectErrorStream(true);
            if (log == null) {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            } else {
                Files.createDirectories(log.toAbsolutePath().getParent());
                builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            }
            if (NO_INPUT.exists()) {
                builder.redirectInput(ProcessBuilder.Redirect.from(NO_INPUT));
            }
            builder.environment().putAll(env);
            return builder.start();
        } catch (IOException e) {
            throw new LaunchException("cannot start " + String.join(" ", command()) + ": " + e.getMessage(), e);
        }
    }

    /** Runs a short program to its end; a failure names {@code what} and the log. */
    public void runToEnd(String what) throws InterruptedException {
        int status = start().waitFor();
        if (status != 0) {
            throw new LaunchException(what + " failed (status " + status + ")"
                    + (log == null ? "" : "; its output is in " + log));
        }
    }
}
