package dev.samuel.registry.rest;

import dev.samuel.contracts.registry.AliasMoveRecord;
import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.registry.domain.ModelRegistry;
import dev.samuel.registry.domain.RegistryException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Model specs, and the history of alias moves of a model. */
@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models")
public class ModelsResource {

    @Inject
    ModelRegistry registry;

    @GET
    @Operation(summary = "All models, with their latest version and aliases")
    public List<ModelView> list() {
        var queries = registry.queries();
        return queries.specs().stream().map(this::view).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = OpenApi.BEARER)
    @Operation(summary = "Create a model from its spec; 409 when it exists")
    public Response create(String body) {
        var result = registry.createSpec(ModelSpecs.parse(requireBody(body)));
        return Response.created(location(result.record())).entity(view(result.record())).build();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "A model: its spec, revision, latest version and aliases")
    public ModelView get(@RestPath String name) {
        return view(registry.queries().spec(name));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = OpenApi.BEARER)
    @Operation(summary = "Create a model or update its spec (201 created, 200 updated or unchanged)")
    public Response put(@RestPath String name, String body) {
        var spec = ModelSpecs.parse(requireBody(body));
        if (!name.equals(spec.name())) {
            throw RegistryException.badRequest("the spec is named '" + spec.name() + "' but the path names '" + name + "'");
        }
        var result = registry.putSpec(spec);
        var response = result.created() ? Response.created(location(result.record())) : Response.ok();
        return response.entity(view(result.record())).build();
    }

    @DELETE
    @Path("{name}")
    @SecurityRequirement(name = OpenApi.BEARER)
    @Operation(summary = "Retire a model: its spec and aliases go (ingest refuses its examples, inference stops "
            + "serving it); versions, artifacts and history stay. Returns the last spec")
    public ModelView delete(@RestPath String name, @RestQuery String reason) {
        var retired = registry.deleteModel(name, reason == null ? "model deleted" : reason);
        // The model as it was: its aliases are gone now, and the model with them.
        return ModelView.of(retired, registry.queries().latestVersion(name), Map.of());
    }

    @GET
    @Path("{name}/history")
    @Operation(summary = "Every alias move of the model, oldest first; ?alias= keeps one alias")
    public List<AliasMoveRecord> history(@RestPath String name, @RestQuery String alias) {
        return registry.queries().history(name, Optional.ofNullable(alias));
    }

    private ModelView view(SpecRecord record) {
        var queries = registry.queries();
        return ModelView.of(record, queries.latestVersion(record.model()), queries.aliases(record.model()));
    }

    private static String requireBody(String body) {
        if (body == null || body.isBlank()) {
            throw RegistryException.badRequest("the body must be a model spec (JSON); it is empty");
        }
        return body;
    }

    private static URI location(SpecRecord record) {
        return URI.create("/models/" + record.model());
    }
}
