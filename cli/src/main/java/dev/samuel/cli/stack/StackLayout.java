package dev.samuel.cli.stack;

import java.nio.file.Path;

/**
 * Where a local stack keeps everything: {@code <home>/.samuel} holds its state file, the broker's data, the
 * registry's artifacts, and one log per process, so {@code rm -rf .samuel} after {@code down} forgets it all.
 */
public record StackLayout(Path home, Path runDir) {

    public static StackLayout of(Path home) {
        return new StackLayout(home, home.resolve(".samuel"));
    }

    public Path stateFile() {
        return runDir.resolve("stack.json");
    }

    public Path logs() {
        return runDir.resolve("logs");
    }

    public Path log(String process) {
        return logs().resolve(process + ".log");
    }

    public Path kafkaData() {
        return runDir.resolve("kafka");
    }

    public Path artifacts() {
        return runDir.resolve("artifacts");
    }

    public Path streamsState() {
        return runDir.resolve("ingest-state");
    }

    /** The stores of inference's judge (the label join), one folder per instance below it. */
    public Path judgeState() {
        return runDir.resolve("judge-state");
    }

    /** The schema registry's storage (an H2 database): schema ids outlive {@code down}, as the records naming them do. */
    public Path schemaRegistryData() {
        return runDir.resolve("schema-registry");
    }

    /** Client settings of a broker the stack did not start; absent when it runs its own. */
    public Path kafkaClientConfig() {
        return runDir.resolve("kafka-client.properties");
    }

    public Path tokenFile() {
        return runDir.resolve("registry-token");
    }

    /** The cli's own jar and its lib folder, which also holds the broker's jars. */
    public Path cliLib() {
        return home.resolve("cli/target/lib");
    }
}
