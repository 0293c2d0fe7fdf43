package dev.samuel.trainer.rest;

import dev.samuel.trainer.app.TrainerRuntime;
import dev.samuel.trainer.data.ModelData;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

/** What the trainer holds of a model's data: what its next job would train and evaluate on. */
@Path("/models/{name}/dataset")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

    @Inject
    TrainerRuntime trainer;

    @GET
    @Operation(summary = "Examples held per split, and the offsets of the train and test topics read so far")
    public ModelData.Summary get(@RestPath String name) {
        if (trainer.owned() != null && !trainer.owned().owns(name)) {
            throw new NotFoundException("this trainer does not own model " + name + ": the trainer of the group"
                    + " that owns it holds its data (its jobs say which, under lineage.trainer)");
        }
        return trainer.datasets().data(name).map(ModelData::summary)
                .orElseThrow(() -> new NotFoundException("the trainer holds no data of model " + name));
    }
}
