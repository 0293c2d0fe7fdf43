package dev.samuel.cli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.samuel.cli.CliException;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.json.Json;
import java.util.ArrayList;
import java.util.List;

/** The trainer-service's REST API (see trainer-service/README.md); jobs are the contract's {@link JobRecord}. */
public final class TrainerApi extends Api {

    public TrainerApi(String baseUrl, String token) {
        super("trainer-service", baseUrl, token);
    }

    /** Asks for a job; the answer is the job, new or the one already waiting. */
    public JobRecord requestJob(String model) {
        return job(write("POST", "/models/" + model + "/jobs", null));
    }

    public JobRecord job(String model, String id) {
        return job(get("/models/" + model + "/jobs/" + id));
    }

    /** The model's jobs, oldest first. */
    public List<JobRecord> jobs(String model) {
        var jobs = new ArrayList<JobRecord>();
        get("/models/" + model + "/jobs").forEach(node -> jobs.add(job(node)));
        return jobs;
    }

    /** What the trainer holds of a model: {@code {"train": n, "test": m, "offsets": {...}}}. */
    public JsonNode dataset(String model) {
        return get("/models/" + model + "/dataset");
    }

    private static JobRecord job(JsonNode node) {
        try {
            return Json.MAPPER.treeToValue(node, JobRecord.class);
        } catch (JsonProcessingException e) {
            throw new CliException("the trainer answered something that is not a job: " + node);
        }
    }
}
