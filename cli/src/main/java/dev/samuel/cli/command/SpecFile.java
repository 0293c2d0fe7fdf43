package dev.samuel.cli.command;

import dev.samuel.cli.CliException;
import dev.samuel.contracts.spec.InvalidModelSpecException;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A model spec read from a file and checked here first, so a typo is reported before anything is sent. */
record SpecFile(String json, ModelSpec spec) {

    static SpecFile read(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
        try {
            return new SpecFile(json, ModelSpecs.parse(json));
        } catch (InvalidModelSpecException e) {
            throw new CliException(file + " is not a valid model spec: " + e.getMessage());
        }
    }
}
