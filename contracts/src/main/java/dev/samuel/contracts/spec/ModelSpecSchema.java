package dev.samuel.contracts.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of a model spec's structure, for editors that complete and check specs as they are
 * typed: field names, types, the names of task types, losses, activations and optimizers, and no unknown fields
 * where {@link ModelSpecs} is strict. The rules that relate fields to each other are {@link ModelSpecValidator}'s
 * alone. The model-registry serves it at {@code GET /schemas/model-spec.json}; docs/model-spec.md describes every field.
 */
public final class ModelSpecSchema {

    /** The resource beside this class. */
    public static final String RESOURCE = "model-spec.schema.json";
    /** The media type of a JSON Schema document. */
    public static final String MEDIA_TYPE = "application/schema+json";

    private static final byte[] BYTES = load();

    private ModelSpecSchema() {
    }

    /** The schema as UTF-8 JSON. */
    public static byte[] bytes() {
        return BYTES.clone();
    }

    public static String json() {
        return new String(BYTES, StandardCharsets.UTF_8);
    }

    private static byte[] load() {
        try (var in = ModelSpecSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + ModelSpecSchema.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
