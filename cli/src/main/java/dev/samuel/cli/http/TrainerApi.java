package dev.samuel.cli.http;

import static dev.samuel.plumbing.http.UrlEncoding.segment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samuel.cli.CliException;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.plumbing.http.ServiceCallException;
import dev.samuel.plumbing.http.ServiceHttp;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The trainer-service's REST API (see trainer-service/README.md); jobs are the contract's {@link JobRecord}. */
public final class TrainerApi {

    private final ServiceHttp http;

    public TrainerApi(String baseUrl, String token) {
        this.http = new ServiceHttp("trainer-service", URI.create(baseUrl), token, Duration.ofSeconds(30));
    }

    /** Asks for a job; the answer is the job, new or the one already waiting. */
    public JobRecord requestJob(String model) {
        return job(http.write("POST", "/models/" + segment(model) + "/jobs", null));
    }

    public JobRecord job(String model, String id) {
        return job(http.get("/models/" + segment(model) + "/jobs/" + segment(id)));
    }

    /** The model's jobs, oldest first. */
    public List<JobRecord> jobs(String model) {
        var jobs = new ArrayList<JobRecord>();
        http.get("/models/" + segment(model) + "/jobs").forEach(node -> jobs.add(job(node)));
        return jobs;
    }

    /** What the trainer holds of a model: {@code {"train": n, "test": m, "offsets": {...}}}. */
    public JsonNode dataset(String model) {
        return http.get("/models/" + segment(model) + "/dataset");
    }

    private JobRecord job(JsonNode node) {
        try {
            return http.convert(node, JobRecord.class);
        } catch (ServiceCallException e) {
            throw new CliException("the trainer answered something that is not a job: " + node);
        }
    }
}
