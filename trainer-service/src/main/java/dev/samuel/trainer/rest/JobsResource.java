package dev.samuel.trainer.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.json.Json;
import dev.samuel.trainer.app.TrainerRuntime;
import dev.samuel.trainer.data.DataStartFilter;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

/** Training jobs of a model: ask for one, follow it. */
@Path("/models/{name}/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    @Inject
    TrainerRuntime trainer;

    /** The optional body of a request: where the job's data starts (null: all of it). */
    public record JobRequest(JobRecord.DataStart dataFrom) {
    }

    @POST
    @Operation(summary = "Ask for a training job; a job of the model that waits already serves the request (with several trainers,"
            + " the one that owns the model joins the request to it). An optional"
            + " JSON body {\"dataFrom\": {\"offsets\": {\"<topic>/<partition>\": offset}, \"timestamp\": ...}} starts"
            + " the job's data at a change point")
    public Response request(@RestPath String name, String body) throws InterruptedException {
        requireModel(name);
        var dataFrom = body == null || body.isBlank() ? null : read(body).dataFrom();
        if (dataFrom != null) {
            try {
                DataStartFilter.of(dataFrom);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        }
        var job = trainer.owned().request(name, "rest", dataFrom);
        return Response.accepted(job).location(URI.create("/models/" + name + "/jobs/" + job.id())).build();
    }

    private static JobRequest read(String body) {
        try {
            return Json.MAPPER.readValue(body, JobRequest.class);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("the body must be {\"dataFrom\": {\"offsets\": {...}, \"timestamp\": ...}}: "
                    + e.getOriginalMessage());
        }
    }

    @GET
    @Operation(summary = "The model's jobs, oldest first")
    public List<JobRecord> list(@RestPath String name) {
        requireModel(name);
        return trainer.owned().jobs(name);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One job: status, progress, test loss, registered version and promotion decision")
    public JobRecord get(@RestPath String name, @RestPath String id) {
        return trainer.owned().job(id).filter(job -> job.model().equals(name))
                .orElseThrow(() -> new NotFoundException("model " + name + " has no job " + id));
    }

    private void requireModel(String name) {
        if (trainer.registry().spec(name).isEmpty()) {
            throw new NotFoundException("no model " + name + " is registered");
        }
    }
}
