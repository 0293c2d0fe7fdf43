package dev.samuel.cli.io;

import dev.samuel.cli.CliException;
import dev.samuel.contracts.event.InvalidRecordException;
import dev.samuel.contracts.event.JsonReader;
import dev.samuel.contracts.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One event per line in the platform's JSON format ({@code {"features": [...], "label": 3}}); a line without a
 * label is an unlabelled event. An {@code id} field, when present, is the record key.
 */
final class JsonLinesRows extends TextRows {

    private final BufferedReader reader;
    /** The physical line, blank ones counted. */
    private long lineNumber;

    private JsonLinesRows(Path file, BufferedReader reader) throws IOException {
        super(file, reader, countLines(file));
        this.reader = reader;
    }

    static JsonLinesRows open(Path file) throws IOException {
        return new JsonLinesRows(file, Files.newBufferedReader(file));
    }

    @Override
    public String position() {
        return "line " + lineNumber;
    }

    @Override
    public Optional<Row> next() throws IOException {
        String line;
        do {
            line = reader.readLine();
            lineNumber++;
        } while (line != null && line.isBlank());
        if (line == null) {
            return Optional.empty();
        }
        try {
            var node = Json.MAPPER.readTree(line);
            var id = node.hasNonNull("id") ? node.get("id").asText() : key(lineNumber);
            var bytes = line.getBytes(StandardCharsets.UTF_8);
            if (node.has("label")) {
                var example = JsonReader.readLabelled(bytes);
                return Optional.of(new Row(id, example.features(), example.label(), example.weight()));
            }
            return Optional.of(new Row(id, JsonReader.readUnlabelled(bytes).features(), null, null));
        } catch (IOException | InvalidRecordException e) {
            throw new CliException("line " + lineNumber + " is not an event: " + e.getMessage());
        }
    }
}
