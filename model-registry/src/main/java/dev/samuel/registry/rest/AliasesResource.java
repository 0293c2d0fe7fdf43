package dev.samuel.registry.rest;

import dev.samuel.contracts.registry.AliasMoveRecord;
import dev.samuel.contracts.registry.AliasRecord;
import dev.samuel.registry.domain.ModelRegistry;
import dev.samuel.registry.domain.RegistryException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Aliases such as champion and challenger: set one to promote, set it to an older version to roll back. */
@Path("/models/{name}/aliases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "aliases")
public class AliasesResource {

    /** The body of a move: the version to point at and, optionally, why. */
    public record AliasRequest(Integer version, String reason) {
    }

    @Inject
    ModelRegistry registry;

    @GET
    @Operation(summary = "The model's aliases, by name")
    public Map<String, AliasRecord> list(@RestPath String name) {
        return registry.queries().aliases(name);
    }

    @GET
    @Path("{alias}")
    @Operation(summary = "One alias")
    public AliasRecord get(@RestPath String name, @RestPath String alias) {
        return registry.queries().alias(name, alias);
    }

    @PUT
    @Path("{alias}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = OpenApi.BEARER)
    @Operation(summary = "Set or move an alias: {\"version\": 7, \"reason\": \"...\"}")
    public AliasRecord set(@RestPath String name, @RestPath String alias, String body) {
        var request = Bodies.read(body, AliasRequest.class, "the body must be {\"version\": <number>, \"reason\": \"...\"}");
        if (request == null || request.version() == null) {
            throw RegistryException.badRequest("the body must name the version: {\"version\": <number>}");
        }
        return registry.setAlias(name, alias, request.version(), request.reason());
    }

    @DELETE
    @Path("{alias}")
    @SecurityRequirement(name = OpenApi.BEARER)
    @Operation(summary = "Delete an alias; its history stays. Returns what it pointed at")
    public AliasRecord delete(@RestPath String name, @RestPath String alias, @RestQuery String reason) {
        return registry.deleteAlias(name, alias, reason);
    }

    @GET
    @Path("{alias}/history")
    @Operation(summary = "The moves of one alias, oldest first")
    public List<AliasMoveRecord> history(@RestPath String name, @RestPath String alias) {
        return registry.queries().history(name, Optional.of(alias));
    }
}
