package dev.samuel.cli.command;

import dev.samuel.cli.io.ProgressBar;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", description = "Ask the trainer for a job on a model; --follow shows its progress and outcome.")
public final class TrainCommand extends ModelCommand {

    @Option(names = {"-f", "--follow"}, description = "wait for the job, with a progress bar, and print its outcome")
    boolean follow;

    @Override
    public Integer call() throws Exception {
        var trainer = endpoints.trainer();
        var job = trainer.requestJob(model);
        System.out.printf("Job %s for %s: %s%n", job.id(), model, job.status());
        if (!follow) {
            return 0;
        }
        ProgressBar bar = null;
        while (true) {
            while (!job.isFinished()) {
                Thread.sleep(500);
                job = trainer.job(model, job.id());
                var progress = job.progress();
                if (progress != null) {
                    bar = bar == null ? new ProgressBar(System.err, "train", progress.epochs(), false) : bar;
                    bar.update(progress.epoch() - 1, detail(progress));
                }
            }
            // With several trainers the request may reach one that does not own the model; the owner joins it to
            // a job already waiting, which is the one to follow.
            var servedBy = job.joinedTo();
            if (servedBy.isEmpty()) {
                break;
            }
            System.out.printf("Job %s joined job %s, which serves it%n", job.id(), servedBy.get());
            job = trainer.job(model, servedBy.get());
        }
        if (bar != null && job.progress() != null) {
            bar.finish(job.progress().epochs(), detail(job.progress()));
        }
        System.out.println(outcome(job));
        return job.status() == JobStatus.SUCCEEDED ? 0 : 1;
    }

    private static String detail(JobRecord.Progress progress) {
        return String.format("epoch %d/%d step %,d loss %.4f (%,.0f examples/s)", progress.epoch(), progress.epochs(),
                progress.step(), progress.trainLoss(), progress.examplesPerSecond());
    }

    static String outcome(JobRecord job) {
        if (job.status() != JobStatus.SUCCEEDED) {
            return "Job " + job.id() + " " + job.status() + ": " + job.message();
        }
        return String.format("Job %s: version %d, test loss %.4f, accuracy %.3f, %s: %s", job.id(), job.version(),
                job.testLoss(), job.testAccuracy(), job.decision().promoted() ? "promoted" : "not promoted",
                job.decision().reason());
    }
}
