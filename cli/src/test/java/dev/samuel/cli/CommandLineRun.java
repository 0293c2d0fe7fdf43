package dev.samuel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;

/** `samuel` run through its real command line, as a user runs it, for what it prints when it stops. */
public final class CommandLineRun {

    private CommandLineRun() {
    }

    /** Runs the command, checks its exit code, and answers what it printed on stderr. */
    public static String stderr(int exitCode, String... args) {
        var err = new StringWriter();
        var line = Samuel.commandLine();
        line.setErr(new PrintWriter(err, true));
        assertThat(line.execute(args)).isEqualTo(exitCode);
        return err.toString().strip();
    }

    /** A loopback port that nothing listens on (free a moment ago): a service or a broker that does not answer. */
    public static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
