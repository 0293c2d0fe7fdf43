package dev.samuel.registry.rest;

import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.registry.artifact.MetadataStamp;
import dev.samuel.registry.domain.ModelRegistry;
import dev.samuel.registry.domain.RegistryException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Versions of a model and their artifacts. A version is registered from a multipart form (for curl -F) or from
 * the raw ONNX bytes with metrics and lineage in headers (for programs); both take the same path.
 */
@Path("/models/{name}/versions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "versions")
public class VersionsResource {

    public static final String METRICS_HEADER = "Samuel-Metrics";
    public static final String LINEAGE_HEADER = "Samuel-Lineage";
    /** What an imported program's output holds ({@code probabilities}, {@code logits} or {@code values}), if it does not say. */
    public static final String OUTPUTS_HEADER = "Samuel-Outputs";

    @Inject
    ModelRegistry registry;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @SecurityRequirement(name = OpenApi.BEARER)
    @Operation(summary = "Register a version: form fields model (the ONNX file), metrics and lineage (JSON objects),"
            + " outputs (what the program's output holds, when its metadata does not say)")
    public Response registerForm(@RestPath String name, @RestForm("model") FileUpload model,
                                 @RestForm String metrics, @RestForm String lineage, @RestForm String outputs) {
        if (model == null) {
            throw RegistryException.badRequest("the form needs a field 'model' with the ONNX file (curl -F model=@m.onnx)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(model.uploadedFile());
        } catch (IOException e) {
            // The upload's temporary file is ours: failing to read it is a 500, not the client's mistake. An
            // IOException escaping a resource is taken as an unreadable request (ErrorMappers).
            throw new UncheckedIOException("cannot read the uploaded model back from " + model.uploadedFile(), e);
        }
        return register(name, bytes, metrics, lineage, outputs);
    }

    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @SecurityRequirement(name = OpenApi.BEARER)
    @Operation(summary = "Register a version from the ONNX bytes; metrics and lineage as JSON in the headers "
            + METRICS_HEADER + " and " + LINEAGE_HEADER + ", what the output holds in " + OUTPUTS_HEADER)
    public Response registerBytes(@RestPath String name, byte[] model, @RestHeader(METRICS_HEADER) String metrics,
                                  @RestHeader(LINEAGE_HEADER) String lineage, @RestHeader(OUTPUTS_HEADER) String outputs) {
        return register(name, model == null ? new byte[0] : model, metrics, lineage, outputs);
    }

    @GET
    @Operation(summary = "Every version of the model, oldest first")
    public List<VersionRecord> list(@RestPath String name) {
        return registry.queries().versions(name);
    }

    @GET
    @Path("{ref}")
    @Operation(summary = "One version, by number or by alias (e.g. champion)")
    public VersionRecord get(@RestPath String name, @RestPath String ref) {
        return registry.queries().version(name, ref);
    }

    @GET
    @Path("{ref}/artifact")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Operation(summary = "The version's ONNX file, checked against its SHA-256, which is its ETag")
    public Response artifact(@RestPath String name, @RestPath String ref,
                             @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        var version = registry.queries().version(name, ref);
        var etag = new EntityTag(version.sha256());
        if (etag.toString().equals(ifNoneMatch)) {
            return Response.notModified(etag).build();
        }
        return Response.ok(registry.artifact(version), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .tag(etag)
                .header("Content-Disposition", "attachment; filename=\"" + name + "-" + version.version() + ".onnx\"")
                .build();
    }

    @GET
    @Path("{ref}/metadata")
    @Operation(summary = "The metadata_props of the version's ONNX file: what the artifact says about itself")
    public Map<String, String> metadata(@RestPath String name, @RestPath String ref) {
        return MetadataStamp.read(registry.artifact(registry.queries().version(name, ref)));
    }

    private Response register(String name, byte[] model, String metrics, String lineage, String outputs) {
        var version = registry.register(name, model, Bodies.metrics(metrics), Bodies.lineage(lineage),
                Bodies.outputs(outputs));
        return Response.created(URI.create("/models/" + name + "/versions/" + version.version())).entity(version).build();
    }
}
