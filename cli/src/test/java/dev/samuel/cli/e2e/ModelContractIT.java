package dev.samuel.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.samuel.cli.Samuel;
import dev.samuel.cli.http.TrainerApi;
import dev.samuel.cli.stack.LocalStack;
import dev.samuel.cli.stack.QuarkusService;
import dev.samuel.cli.stack.SharedStack;
import dev.samuel.cli.stack.StackState;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import dev.samuel.plumbing.http.Backoff;
import dev.samuel.plumbing.http.ServiceCallException;
import dev.samuel.plumbing.registry.RegistryClient;
import dev.samuel.testkit.onnx.TorchPrograms;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One model contract, end to end: every task and loss, from random initialisation, warm-started from the model's own
 * champion, and fine-tuned from a foreign program (a PyTorch export: Gemm with transB=1, logits out), through the
 * packaged ingest, trainer, registry and inference, started once for all cases, one model per case. Each case checks
 * the job, the gate (both losses finite, and non-negative as losses are), a prediction per event naming the served
 * version, and that OIP V2 answers the same predictions and probabilities for the same rows. The stack is the one
 * {@link SharedStack} starts for the cli's integration tests; this class runs before {@code LocalStackIT}, which
 * stops it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedStack.class)
@Order(1)
class ModelContractIT {

    static final Path HOME = SharedStack.HOME;
    static final Duration SETTLE = Duration.ofMinutes(4);
    static final int EXAMPLES = 320;
    static final int EVENTS = 20;

    /** Where a case's network and parameters start. */
    enum Start { RANDOM, OWN_CHAMPION, FOREIGN }

    final LocalStack stack = SharedStack.STACK;
    StackState state;
    RegistryClient registry;
    TrainerApi trainer;
    ServedPredictions served;

    @TempDir
    Path files;

    @BeforeAll
    void up() throws Exception {
        state = SharedStack.up();
        registry = new RegistryClient(URI.create(state.ports().url(QuarkusService.REGISTRY)), stack.token(), Backoff.NONE,
                Duration.ofSeconds(30));
        trainer = new TrainerApi(state.ports().url(QuarkusService.TRAINER), stack.token());
        served = new ServedPredictions(state.ports().bootstrap(), state.ports().url(QuarkusService.INFERENCE));
    }

    static Stream<Arguments> cases() {
        return Stream.of(Task.values()).flatMap(task -> Stream.of(Start.values()).map(start -> Arguments.of(task, start)));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("cases")
    void theModelTrainsIsJudgedAndServedByOneContract(Task task, Start start) throws Exception {
        var model = ("c-" + task + "-" + start).toLowerCase(Locale.ROOT).replace('_', '-');
        cli("create", write(model + ".json", task.spec(model, "{\"random\": {\"seed\": 5}}")).toString());
        if (start == Start.FOREIGN) {
            var program = write(model + ".onnx", TorchPrograms.mlp(Task.FEATURES, 16, task.width, 3,
                    TorchPrograms.Ending.LOGITS));
            var imported = new ArrayList<>(List.of("import", program.toString(), "--model", model, "--promote"));
            if (task.declared != null) {
                imported.addAll(List.of("--outputs", task.declared));
            }
            cli(imported.toArray(String[]::new));
            cli("update", write(model + ".json", task.spec(model, "{\"from\": \"" + model + "@1\"}")).toString());
        }
        cli("produce", write(model + "-examples.jsonl", rows(task, model, EXAMPLES, true)).toString(), "--model", model);
        await("the trainer to hold " + model + "'s examples", () -> held(model) == EXAMPLES);

        var job = train(model);
        if (start == Start.OWN_CHAMPION) {
            cli("update", write(model + ".json", task.spec(model, "{\"from\": \"" + model + "@champion\"}")).toString());
            job = train(model);
        }

        assertThat(job.status()).as(job.message()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.testLoss()).isFinite().isNotNegative();
        var decision = job.decision();
        if (start == Start.RANDOM) {
            assertThat(decision.championVersion()).isNull();
            assertThat(decision.promoted()).isTrue();
        } else {
            assertThat(job.lineage()).containsEntry("init", model + " v1");
            assertThat(decision.championVersion()).isEqualTo(1);
            assertThat(decision.championTestLoss()).as(decision.reason()).isFinite().isNotNegative();
        }
        if (task.classifies()) {
            assertThat(job.testAccuracy()).isGreaterThan(0.7);
        }
        if (start == Start.FOREIGN) {
            assertThat(cliOutput("versions", model, "--detail")).as("versions --detail")
                    .contains("version 1", "input 'x' [batch, 4] -> output 'logits'", "foreign network",
                            "samuel.version = 2", "samuel.lineage.init = " + model + " v1", "samuel.origin = foreign",
                            "imported = " + model + ".onnx");
        }
        int champion = registry.model(model).orElseThrow().path("aliases").path("champion").asInt();
        served.awaitServing(model, champion, SETTLE);
        var events = rows(task, model + "-e", EVENTS, false);
        cli("produce", write(model + "-events.jsonl", events).toString(), "--model", model);
        served.assertConsistent(model, champion, events, SETTLE);
    }

    /**
     * Raw tabular records, the penguins as published (missing measurements, island and sex as text), sent to one model
     * as JSON and to its twin as Avro whose schema the cli registers in the stack's schema registry: both train to
     * the same accuracy from the same records, and the Avro model scores an event sent as Avro exactly as the same
     * event sent as JSON.
     */
    @Test
    void rawTabularRecordsTrainAndScoreAlikeAsJsonAndAsAvro() throws Exception {
        var penguins = HOME.resolve("examples/penguins");
        var schema = penguins.resolve("penguins.avsc").toString();
        var records = Files.readAllLines(penguins.resolve("penguins-raw.csv"));
        var spec = Files.readString(penguins.resolve("penguins-raw.json"));
        for (var model : List.of("raw-avro", "raw-json")) {
            cli("create", write(model + ".json", spec.replace("\"penguins-raw\"", "\"" + model + "\"")).toString());
        }
        var examples = penguins.resolve("penguins-raw.csv").toString();
        cli("produce", examples, "--model", "raw-avro", "--avro-schema", schema,
                "--schema-registry", state.ports().schemaRegistryUrl());
        cli("produce", examples, "--model", "raw-json", "--label-column", "species");
        int count = records.size() - 1;
        await("the trainer to hold both models' examples", () -> held("raw-avro") == count && held("raw-json") == count);

        var avro = train("raw-avro");
        var json = train("raw-json");

        assertThat(avro.status()).as(avro.message()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(json.status()).as(json.message()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(avro.testAccuracy()).isGreaterThan(0.9).isCloseTo(json.testAccuracy(), within(0.03));

        served.awaitServing("raw-avro", 1, SETTLE);
        // The same events twice, told apart by their ids (the key): once as Avro, once as JSON, without species.
        cli("produce", events(records, "avro-").toString(), "--model", "raw-avro", "--label-column", "none",
                "--avro-schema", schema, "--schema-registry", state.ports().schemaRegistryUrl());
        cli("produce", events(records, "json-").toString(), "--model", "raw-avro", "--label-column", "none");
        var predictions = served.read("raw-avro.predictions", 2 * count, SETTLE);
        for (int id = 1; id <= count; id++) {
            var fromAvro = predictions.get("avro-" + id);
            var fromJson = predictions.get("json-" + id);
            assertThat(fromAvro.path("scores")).as("penguin " + id).isEqualTo(fromJson.path("scores"));
            assertThat(fromAvro.path("prediction")).as("penguin " + id).isEqualTo(fromJson.path("prediction"));
        }
    }

    /** The records as events to score: ids prefixed, the last column (the species) left out. */
    private Path events(List<String> records, String idPrefix) throws Exception {
        var lines = new ArrayList<String>();
        lines.add(records.get(0).substring(0, records.get(0).lastIndexOf(',')));
        records.stream().skip(1).map(line -> idPrefix + line.substring(0, line.lastIndexOf(','))).forEach(lines::add);
        return Files.write(files.resolve(idPrefix + "events.csv"), lines);
    }

    /** Examples of the model the trainer holds; none until it has read the model's topics. */
    private int held(String model) {
        try {
            var dataset = trainer.dataset(model);
            return dataset.path("train").asInt() + dataset.path("test").asInt();
        } catch (ServiceCallException e) {
            return 0;
        }
    }

    private JobRecord train(String model) throws InterruptedException {
        var job = trainer.requestJob(model);
        await("job " + job.id() + " of " + model, () -> trainer.job(model, job.id()).isFinished());
        return trainer.job(model, job.id());
    }

    private void cli(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap", state.ports().bootstrap(), "--registry", state.ports().url(QuarkusService.REGISTRY),
                "--trainer", state.ports().url(QuarkusService.TRAINER), "--token", stack.token()));
        assertThat(Samuel.commandLine().execute(all.toArray(String[]::new))).as("bin/samuel " + String.join(" ", args))
                .isZero();
    }

    /** What a cli command prints, for commands whose output is what they are for. */
    private String cliOutput(String... args) {
        var printed = new java.io.ByteArrayOutputStream();
        var console = System.out;
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            cli(args);
        } finally {
            System.setOut(console);
        }
        return printed.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String rows(Task task, String prefix, int count, boolean labelled) {
        var random = new Random(prefix.hashCode());
        var out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(task.row(random, prefix + "-" + i, labelled)).append('\n');
        }
        return out.toString();
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(files.resolve(name), text);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(files.resolve(name), bytes);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + SETTLE.toSeconds() + " s for " + what);
            }
            Thread.sleep(200);
        }
    }
}
