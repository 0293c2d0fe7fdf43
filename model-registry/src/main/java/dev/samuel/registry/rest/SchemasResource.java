package dev.samuel.registry.rest;

import dev.samuel.contracts.spec.ModelSpecSchema;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Published JSON Schemas, for editors that complete and check what users write. Reads are open: no token. The schema
 * describes a spec's structure; the rules across fields stay with the validator that {@code POST /models} runs.
 */
@Path("/schemas")
@Tag(name = "schemas")
public class SchemasResource {

    @GET
    @Path("model-spec.json")
    @Produces({ModelSpecSchema.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "The JSON Schema (draft 2020-12) of a model spec's structure: field names, types, the names of"
            + " task types, losses, activations and optimizers. The cross-field rules are checked when a spec is sent")
    public byte[] modelSpec() {
        return ModelSpecSchema.bytes();
    }
}
