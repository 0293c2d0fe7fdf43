package dev.samuel.trainer.rest;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.trainer.app.TrainerRuntime;
import jakarta.inject.Inject;
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

    @POST
    @Operation(summary = "Ask for a training job; a job of the model that waits already serves the request")
    public Response request(@RestPath String name) {
        requireModel(name);
        var job = trainer.jobs().request(name, "rest");
        return Response.accepted(job).location(URI.create("/models/" + name + "/jobs/" + job.id())).build();
    }

    @GET
    @Operation(summary = "The model's jobs, oldest first")
    public List<JobRecord> list(@RestPath String name) {
        requireModel(name);
        return trainer.jobs().jobs(name);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One job: status, progress, test loss, registered version and promotion decision")
    public JobRecord get(@RestPath String name, @RestPath String id) {
        return trainer.jobs().job(id).filter(job -> job.model().equals(name))
                .orElseThrow(() -> new NotFoundException("model " + name + " has no job " + id));
    }

    private void requireModel(String name) {
        if (trainer.registry().spec(name).isEmpty()) {
            throw new NotFoundException("no model " + name + " is registered");
        }
    }
}
