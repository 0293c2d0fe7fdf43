package dev.samuel.cli.demo;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** What the demo showed: accuracy per stage and version, and the jobs with their decisions. */
public record DemoReport(String model, Duration took, List<Accuracy.Tally> tallies, List<JobRecord> jobs) {

    /** Accuracy of one version's predictions on events sent in one stage; NaN if there were none. */
    public double accuracy(String stage, int version) {
        return tallies.stream().filter(t -> t.stage().equals(stage) && t.version() == version)
                .mapToDouble(Accuracy.Tally::accuracy).findFirst().orElse(Double.NaN);
    }

    /** The newest version that served events of a stage, 0 if none did. */
    public int newestVersion(String stage) {
        return tallies.stream().filter(t -> t.stage().equals(stage)).mapToInt(Accuracy.Tally::version).max().orElse(0);
    }

    public long promotions() {
        return jobs.stream().filter(job -> job.status() == JobStatus.SUCCEEDED && job.decision().promoted()).count();
    }

    public void print(PrintStream out) {
        out.println();
        out.printf("Summary of model %s (%d s)%n", model, took.toSeconds());
        out.println("  Accuracy of the served model against the generator's truth:");
        for (var tally : tallies) {
            out.printf("    %-18s version %-3d %6.1f %%  (%,d predictions)%n", tally.stage(), tally.version(),
                    100 * tally.accuracy(), tally.predictions());
        }
        out.println("  Training jobs:");
        for (var job : jobs) {
            out.println("    " + describe(job));
        }
    }

    static String describe(JobRecord job) {
        if (job.status() != JobStatus.SUCCEEDED) {
            return String.format("job %s (%s): %s %s", shortId(job), job.trigger(), job.status(), job.message());
        }
        return String.format("job %s (%s, %s training examples): version %d, test loss %.4f, accuracy %.3f, %s",
                shortId(job), job.trigger(), job.lineage().getOrDefault("examples.train", "?"), job.version(),
                job.testLoss(), job.testAccuracy(),
                (job.decision().promoted() ? "promoted: " : "not promoted: ") + job.decision().reason());
    }

    private static String shortId(JobRecord job) {
        return job.id().length() > 8 ? job.id().substring(0, 8) : job.id();
    }
}
