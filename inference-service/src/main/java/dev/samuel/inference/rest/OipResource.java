package dev.samuel.inference.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.samuel.inference.app.InferenceService;
import dev.samuel.inference.model.ServedModel;
import dev.samuel.programs.RowBatch;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Open Inference Protocol V2 over REST: health, model metadata and synchronous inference on the version
 * being served, which answers in {@code model_version}. The program's own output keeps its name and values;
 * {@code probabilities} and {@code prediction} are what the Kafka predictions carry ({@link OipOutputs}).
 */
@Path("/v2")
@Produces(MediaType.APPLICATION_JSON)
public class OipResource {

    private static final ThreadLocal<RowBatch> BATCHES = ThreadLocal.withInitial(RowBatch::new);

    @Inject
    InferenceService service;

    @GET
    @Operation(summary = "Server metadata")
    public OipBodies.ServerMetadata server() {
        return new OipBodies.ServerMetadata("samuel-inference", "0.1.0", List.of());
    }

    @GET
    @Path("health/live")
    public Response live() {
        return Response.ok().build();
    }

    @GET
    @Path("health/ready")
    @Operation(summary = "200 once the registry is read and the scoring loop runs, else 503")
    public Response ready() {
        var runtime = service.runtime();
        return Response.status(runtime != null && runtime.isReady() ? 200 : 503).build();
    }

    @GET
    @Path("models/{name}")
    @Operation(summary = "The served version of a model, its input and output tensors")
    public OipBodies.ModelMetadata model(@RestPath String name) {
        return withModel(name, null, OipMetadata::of);
    }

    @GET
    @Path("models/{name}/ready")
    public Response modelReady(@RestPath String name) {
        return service.champions().servedVersion(name) > 0 ? Response.ok().build()
                : Response.status(404).entity(new OipBodies.Error("model " + name + " is not being served")).build();
    }

    @POST
    @Path("models/{name}/infer")
    @Operation(summary = "Score rows with the served version")
    public OipBodies.InferResponse infer(@RestPath String name, OipBodies.InferRequest request) {
        return withModel(name, null, model -> infer(model, request));
    }

    @POST
    @Path("models/{name}/versions/{version}/infer")
    @Operation(summary = "Score rows with a given version: only the served version can answer")
    public OipBodies.InferResponse inferVersion(@RestPath String name, @RestPath String version,
                                                OipBodies.InferRequest request) {
        return withModel(name, version, model -> infer(model, request));
    }

    private OipBodies.InferResponse infer(ServedModel model, OipBodies.InferRequest request) {
        var batch = BATCHES.get();
        int rows = InputTensor.fill(request, model.signature().program(), model.spec().input(), batch);
        try {
            return OipOutputs.of(model, request.id(), batch.run(model.program(), model.signature().program()), rows);
        } catch (ai.onnxruntime.OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    private <T> T withModel(String name, String version, java.util.function.Function<ServedModel, T> use) {
        var model = service.champions().acquire(name)
                .orElseThrow(() -> new NotFoundException("model " + name + " is not being served"));
        try {
            if (version != null && !version.equals(Integer.toString(model.version()))) {
                throw new NotFoundException("model " + name + " serves version " + model.version() + ", not " + version);
            }
            return use.apply(model);
        } finally {
            model.release();
        }
    }

    @ServerExceptionMapper
    public Response badRequest(BadInferRequest e) {
        return error(400, e.getMessage());
    }

    /** Unreadable JSON reaches here as a 400 from the body reader; 404s from {@link #withModel}. */
    @ServerExceptionMapper
    public Response webError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        var cause = e.getCause();
        return error(status, cause instanceof JsonProcessingException json
                ? "the body is not a valid inference request: " + json.getOriginalMessage() : e.getMessage());
    }

    /**
     * A body Jackson maps but cannot bind ({@code []}, {@code {"id": {}}}): Quarkus' built-in mapper answered these
     * with its own form (or none outside dev and test), not OIP's {@code {"error": ...}}. Declared for the exact type
     * because a built-in mapper of a closer type would win over one for a superclass.
     */
    @ServerExceptionMapper
    public Response unbindable(MismatchedInputException e) {
        return error(400, "the body is not a valid inference request: " + e.getOriginalMessage());
    }

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new OipBodies.Error(message)).build();
    }

}
