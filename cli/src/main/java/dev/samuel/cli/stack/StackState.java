package dev.samuel.cli.stack;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.samuel.contracts.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code up} started, written after every start so that {@code down} stops exactly those processes, even
 * after an {@code up} that failed half-way.
 */
public record StackState(StackPorts ports, List<Started> processes) {

    /** One process of the stack; {@code marker} is on its command line, so a reused pid is never mistaken for it. */
    public record Started(String name, long pid, String marker) {

        @JsonIgnore
        public Optional<ProcessHandle> handle() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().commandLine().map(line -> line.contains(marker)).orElse(false));
        }
    }

    public StackState {
        processes = List.copyOf(processes);
    }

    public StackState with(Started process) {
        var all = new ArrayList<>(processes);
        all.add(process);
        return new StackState(ports, all);
    }

    /** The same stack with a part that was started again in place of its old entry. */
    public StackState replacing(Started process) {
        return new StackState(ports, processes.stream()
                .map(p -> p.name().equals(process.name()) ? process : p).toList());
    }

    public Optional<Started> process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static Optional<StackState> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), StackState.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stack state " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stack state " + file, e);
        }
    }
}
