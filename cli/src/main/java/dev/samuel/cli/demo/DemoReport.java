package dev.samuel.cli.demo;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.monitoring.DriftEvent;
import dev.samuel.contracts.registry.VersionRecord;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the demo showed, read from the platform's outputs: the jobs with their triggers and decisions
 * ({@code samuel.jobs}), the drift the demo made and the platform's detection of it ({@code samuel.drift}), when each
 * version began to serve ({@code M.predictions}), and the served versions' realised accuracy per stage, as the
 * platform judged each labelled example ({@code M.performance}), beside the generator's truth about every prediction.
 *
 * @param started     when the demo began, the origin of the summary's times
 * @param realised    judged examples on {@code M.performance} per stage (of the event) and version
 * @param truth       predictions against the generator's truth per stage and version
 * @param drift       when the concept changed; null if the demo stopped before
 * @param detection   the first drift of the served version's error found after the change; null if none was
 * @param driftEvents every record of the model on {@code samuel.drift} during the demo
 * @param servedFrom  when each version's first prediction was read, from the demo's start
 */
public record DemoReport(String model, Instant started, Duration took, List<Accuracy.Tally> realised, List<Accuracy.Tally> truth,
                         List<JobRecord> jobs, Drift drift, Detection detection, List<DriftEvent> driftEvents,
                         Map<Integer, Duration> servedFrom) {

    /** When the concept changed, from which event on, and where its first labels are in the train and test topics. */
    public record Drift(Instant at, Duration sinceStart, long firstEvent, Map<String, Long> firstLabels) {
    }

    /**
     * The first drift found in the served version's errors after the concept changed.
     *
     * @param afterDrift       from the change of concept to the detection
     * @param judgedAfterDrift how many of the examples the detector had read were of events sent after the change
     *                         (-1 when the judged examples read do not say)
     */
    public record Detection(DriftEvent event, Duration afterDrift, long judgedAfterDrift) {
    }

    /** Realised accuracy of one version on the judged examples of events sent in one stage; NaN if none. */
    public double realised(String stage, int version) {
        return find(realised, stage, version).map(Accuracy.Tally::accuracy).orElse(Double.NaN);
    }

    /** Judged examples of one version, of events sent in one stage. */
    public long judged(String stage, int version) {
        return find(realised, stage, version).map(Accuracy.Tally::count).orElse(0L);
    }

    /** Accuracy of one version's predictions, for events sent in one stage, against the generator's truth. */
    public double truthAccuracy(String stage, int version) {
        return find(truth, stage, version).map(Accuracy.Tally::accuracy).orElse(Double.NaN);
    }

    /** The newest version judged on events of a stage, 0 if none was. */
    public int newestVersion(String stage) {
        return realised.stream().filter(t -> t.stage().equals(stage)).mapToInt(Accuracy.Tally::version).max()
                .orElse(0);
    }

    /** The job that made a version. */
    public Optional<JobRecord> job(int version) {
        return jobs.stream().filter(job -> job.version() != null && job.version() == version).findFirst();
    }

    /** The job the drift watch requested, named by its retrain record on {@code samuel.drift}. */
    public Optional<JobRecord> driftJob() {
        return retrain().flatMap(event -> jobs.stream().filter(job -> job.id().equals(event.jobId())).findFirst());
    }

    /** The first retrain record on {@code samuel.drift}: the job a drift requested. */
    public Optional<DriftEvent> retrain() {
        return driftEvents.stream().filter(event -> DriftEvent.RETRAIN.equals(event.kind())).findFirst();
    }

    public long promotions() {
        return jobs.stream().filter(job -> job.status() == JobStatus.SUCCEEDED && job.decision().promoted()).count();
    }

    private static Optional<Accuracy.Tally> find(List<Accuracy.Tally> tallies, String stage, int version) {
        return tallies.stream().filter(t -> t.stage().equals(stage) && t.version() == version).findFirst();
    }

    public void print(PrintStream out) {
        out.println();
        out.printf("Summary of model %s (%d s)%n", model, took.toSeconds());
        out.printf("  What happened (samuel.jobs, samuel.drift, %s.predictions; seconds from the start):%n", model);
        for (var line : timeline()) {
            out.printf("    %6.1f  %s%n", since(line.at()), line.text());
        }
        out.printf("  Served accuracy, realised on %s.performance (against the generator's truth):%n", model);
        for (var tally : realised.stream().sorted(Comparator.comparing((Accuracy.Tally t) -> !t.stage()
                .equals(DemoRun.BEFORE)).thenComparing(Accuracy.Tally::version)).toList()) {
            var truthful = find(truth, tally.stage(), tally.version());
            out.printf("    %-18s version %-3d %6.1f %% of %,6d judged (%,d prequential)%s%n", tally.stage(),
                    tally.version(), 100 * tally.accuracy(), tally.count(), tally.prequential(),
                    truthful.map(t -> String.format("   %6.1f %% of %,d predictions", 100 * t.accuracy(), t.count()))
                            .orElse(""));
        }
    }

    /** One moment of the story. */
    private record Moment(Instant at, String text) {
    }

    private List<Moment> timeline() {
        var moments = new ArrayList<Moment>();
        var retrainJob = retrain().map(DriftEvent::jobId).orElse(null);
        for (var job : jobs) {
            if (!job.id().equals(retrainJob)) {
                moments.add(new Moment(job.requestedAt(), String.format("job %s requested (%s)", shortId(job.id()),
                        job.trigger())));
            }
            moments.add(new Moment(job.updatedAt(), describe(job)));
        }
        servedFrom.forEach((version, from) -> moments.add(new Moment(started.plus(from), "version " + version
                + " serves" + (drift != null && from.compareTo(drift.sinceStart()) > 0 ? String.format(
                ", %.1f s after the change", seconds(from.minus(drift.sinceStart()))) : ""))));
        if (drift != null) {
            moments.add(new Moment(drift.at(), String.format("the concept changes, from event e-%d on; its first "
                    + "labels at %s", drift.firstEvent(), offsets(drift.firstLabels()))));
        }
        if (detection != null) {
            var event = detection.event();
            moments.add(new Moment(event.detectedAt(), String.format("samuel.drift: %s finds version %d's %s "
                            + "drifting, %.1f s and %s judged examples after the change; it puts the change point %,d "
                            + "examples back, at %s", event.detector(), event.version(), event.stream(),
                    seconds(detection.afterDrift()), detection.judgedAfterDrift() < 0 ? "?"
                            : String.format("%,d", detection.judgedAfterDrift()), event.changeAgo(),
                    offsets(event.changeOffsets()))));
        }
        retrain().ifPresent(event -> moments.add(new Moment(event.detectedAt(), String.format("samuel.drift: job %s "
                        + "requested (trigger drift) once %,d judged examples followed the change point; its data from %s",
                shortId(event.jobId()), event.changeAgo(), offsets(event.changeOffsets())))));
        var others = driftEvents.stream().filter(event -> !DriftEvent.RETRAIN.equals(event.kind())
                && (detection == null || !event.equals(detection.event())))
                .collect(Collectors.groupingBy(event -> String.format("%s on version %d's %s", event.detector(),
                        event.version(), event.stream()), TreeMap::new, Collectors.counting()));
        if (!others.isEmpty()) {
            moments.add(new Moment(started.plus(took), "samuel.drift also holds " + others.entrySet().stream()
                    .map(e -> String.format("%,d detection%s of %s", e.getValue(), e.getValue() == 1 ? "" : "s",
                            e.getKey())).collect(Collectors.joining(", "))));
        }
        moments.sort(Comparator.comparing(Moment::at));
        return moments;
    }

    static String describe(JobRecord job) {
        String trigger = job.trigger() + (job.dataFrom() != null ? " from the change point" : "");
        if (job.status() != JobStatus.SUCCEEDED) {
            return String.format("job %s (%s): %s %s", shortId(job.id()), trigger, job.status(), job.message());
        }
        return String.format("job %s (%s, %s training examples): version %d, test loss %.4f, accuracy %.3f, %s",
                shortId(job.id()), trigger, job.lineage().getOrDefault(VersionRecord.TRAINING_EXAMPLES, "?"), job.version(),
                job.testLoss(), job.testAccuracy(),
                (job.decision().promoted() ? "promoted: " : "not promoted: ") + job.decision().reason());
    }

    /** Offsets by {@code <topic>/<partition>}, the model's name left out: {@code train/0@412 train/1@398 ...}. */
    String offsets(Map<String, Long> offsets) {
        if (offsets.isEmpty()) {
            return "-";
        }
        return new TreeMap<>(offsets).entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> !e.getKey().startsWith(model + ".train"))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> (e.getKey().startsWith(model + ".") ? e.getKey().substring(model.length() + 1) : e.getKey())
                        + "@" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    static String shortId(String id) {
        return id != null && id.length() > 8 ? id.substring(0, 8) : String.valueOf(id);
    }

    private double since(Instant instant) {
        return seconds(Duration.between(started, instant));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
