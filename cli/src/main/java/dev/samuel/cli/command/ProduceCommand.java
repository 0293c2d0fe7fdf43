package dev.samuel.cli.command;

import dev.samuel.cli.CliException;
import dev.samuel.cli.io.EventProducer;
import dev.samuel.cli.io.ModelFeatures;
import dev.samuel.cli.io.ProgressBar;
import dev.samuel.cli.io.RowSource;
import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.contracts.topic.Topics;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "produce", description = {
        "Stream a file into a model: labelled rows to M.labelled, unlabelled ones to M.unlabelled.",
        "CSV (a header names the features; a 'label' column, or --label-column), JSON lines, or IDX (MNIST) with "
                + "--labels."})
public final class ProduceCommand extends FileToModelCommand {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--format", description = "csv, jsonl or idx (default: from the file name)")
    RowSource.Format format;

    @Option(names = "--labels", description = "IDX labels file for an IDX images file")
    Path labels;

    @Option(names = "--label-column", description = "CSV: the label's column name, 'last', or 'none' (default: label)")
    String labelColumn;

    @Option(names = "--ignore-unknown", description = "CSV: leave out header columns that are not features of the "
            + "model (default: refuse the file, naming them, unless the spec's input.unknownFields is 'ignore')")
    boolean ignoreUnknown;

    @Option(names = "--encoding", defaultValue = "json", description = "json or f32le (compact float32 tensors)")
    String encoding;

    @Option(names = "--scale", defaultValue = "1", converter = Fraction.class, description = {
            "multiply every feature by this number or fraction, e.g. 1/255 for a network trained on pixels / 255",
            "(a model the platform trains standardises its inputs itself; an imported one takes what it was trained on)"})
    float scale;

    @Override
    public Integer call() throws Exception {
        long sent = 0;
        long labelled = 0;
        try (var rows = RowSource.open(file, format, labels, labelColumn, this::features);
             var producer = new EventProducer(endpoints.kafka(), Topics.of(model), Encoding.of(encoding))) {
            var bar = new ProgressBar(System.err, "produce", rows.total(), true);
            for (var row = rows.next(); row.isPresent(); row = rows.next()) {
                producer.send(row.get().scaled(scale));
                sent++;
                labelled += row.get().labelled() ? 1 : 0;
                bar.update(sent, "");
            }
            producer.flush();
            double rate = bar.finish(sent, "");
            System.out.printf("%,d records to %s (%,d labelled, %,d unlabelled), %,.0f records/s%n", sent, model,
                    labelled, sent - labelled, rate);
        }
        return 0;
    }

    /**
     * The model's features as its spec in the registry names them: asked for when a CSV header is checked. A spec
     * whose {@code input.unknownFields} is {@code ignore} has ingest leave unknown features out, so they are left out
     * here too rather than refused.
     */
    private ModelFeatures features() {
        var found = endpoints.registry().model(model).orElseThrow(() -> new CliException("no model '" + model + "'"));
        var input = ModelSpecs.parse(found.path("spec").toString()).input();
        return new ModelFeatures(model, input.names(), ignoreUnknown || input.ignoresUnknownFields(),
                input.categorical().keySet());
    }
}
