package dev.samuel.bench.transfer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.samuel.cli.Samuel;
import dev.samuel.cli.http.TrainerApi;
import dev.samuel.cli.stack.LocalStack;
import dev.samuel.cli.stack.QuarkusService;
import dev.samuel.cli.stack.StackLayout;
import dev.samuel.cli.stack.StackPorts;
import dev.samuel.cli.stack.StackState;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.split.HoldoutSplit;
import dev.samuel.testkit.data.MnistSample;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Transfer learning through the platform, as a user does it: on a local stack of its own, the trained PyTorch MLP of
 * {@code examples/models} imported and promoted, the MNIST sample produced as pixels / 255 (the platform's hash split,
 * holdout 0.125), and the program fine-tuned for 1 and for 3 epochs (Adam 1e-4, batch 64); beside it the same spec
 * trained from random initialisation for 1 and 3 epochs on the same data. {@code start_acc} is the imported program's
 * accuracy on the platform's holdout, read through OIP V2 while it is the champion; the others are the jobs' test
 * accuracy on that holdout. Last line: {@code RESULT start_acc=... after_1_epoch_acc=... after_3_epochs_acc=...
 * random_after_1_epoch_acc=... random_after_3_epochs_acc=...}
 */
public final class TransferBenchmark {

    static final String FOREIGN = "transfer";
    static final String RANDOM = "transfer-random";
    static final double HOLDOUT = 0.125;
    static final Duration SETTLE = Duration.ofMinutes(5);

    private final Path root;
    private final StackState state;
    private final String token;
    private final Path specs;

    private TransferBenchmark(Path root, StackState state, String token) throws Exception {
        this.root = root;
        this.state = state;
        this.token = token;
        this.specs = Files.createTempDirectory("transfer-specs");
    }

    public static void main(String[] args) throws Exception {
        var root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        var stack = new LocalStack(new StackLayout(root, root.resolve("bench/target/transfer-stack")), System.out);
        stack.purge();
        var state = stack.up(StackPorts.free());
        try {
            new TransferBenchmark(root, state, stack.token()).run();
        } finally {
            stack.down();
        }
    }

    private void run() throws Exception {
        cli("create", spec(FOREIGN, 1, "{\"from\": \"" + FOREIGN + "@1\"}"));
        cli("import", root.resolve("examples/models/torch-mlp-mnist.onnx").toString(), "--model", FOREIGN, "--promote");
        cli("create", spec(RANDOM, 1, "{\"random\": {\"seed\": 42}}"));
        for (var model : List.of(FOREIGN, RANDOM)) {
            var mnist = root.resolve("examples/mnist");
            cli("produce", mnist.resolve(MnistSample.IMAGES).toString(), "--labels", mnist.resolve(MnistSample.LABELS)
                    .toString(), "--model", model, "--scale", "1/255", "--encoding", "f32le");
        }
        var sample = MnistSample.read(root.resolve("examples/mnist"), 1 / 255f);
        await("the trainer to hold the sample twice", () -> held(FOREIGN) == sample.size() && held(RANDOM) == sample.size());
        double start = startAccuracy(sample);
        double foreign1 = train(FOREIGN);
        cli("update", spec(FOREIGN, 3, "{\"from\": \"" + FOREIGN + "@1\"}"));
        double foreign3 = train(FOREIGN);
        double random1 = train(RANDOM);
        cli("update", spec(RANDOM, 3, "{\"random\": {\"seed\": 42}}"));
        double random3 = train(RANDOM);
        System.out.printf(Locale.ROOT, "RESULT start_acc=%.4f after_1_epoch_acc=%.4f after_3_epochs_acc=%.4f"
                + " random_after_1_epoch_acc=%.4f random_after_3_epochs_acc=%.4f%n", start, foreign1, foreign3, random1,
                random3);
    }

    private String spec(String model, int epochs, String init) throws Exception {
        var json = """
                {"name": "%s", "task": {"type": "classification", "classes": 10}, "input": {"features": 784},
                 "layers": [{"dense": 128, "activation": "relu"}, {"dense": 10}], "optimizer": {"adam": {"lr": 0.0001}},
                 "init": %s, "training": {"batchSize": 64, "epochs": %d, "holdout": %s}}"""
                .formatted(model, init, epochs, HOLDOUT);
        return Files.writeString(specs.resolve(model + "-" + epochs + ".json"), json).toString();
    }

    /** The imported program's accuracy on the platform's holdout rows, asked of inference while it is champion. */
    private double startAccuracy(MnistSample sample) throws Exception {
        var rows = new ArrayList<Integer>();
        for (int i = 0; i < sample.size(); i++) {
            if (HoldoutSplit.of(MnistSample.key(i), HOLDOUT) == HoldoutSplit.Split.TEST) {
                rows.add(i);
            }
        }
        var data = Json.MAPPER.createArrayNode();
        rows.forEach(row -> {
            for (float pixel : sample.pixels()[row]) {
                data.add(pixel);
            }
        });
        var input = Json.MAPPER.createObjectNode().put("name", "x").put("datatype", "FP32");
        ((ArrayNode) input.putArray("shape")).add(rows.size()).add(MnistSample.FEATURES);
        input.set("data", data);
        var body = Json.MAPPER.createObjectNode();
        body.putArray("inputs").add(input);
        var url = state.ports().url(QuarkusService.INFERENCE) + "/v2/models/" + FOREIGN + "/versions/1/infer";
        await("inference to serve the imported program", () -> post(url, body.toString()).statusCode() == 200);
        var answer = Json.MAPPER.readTree(post(url, body.toString()).body());
        for (var output : answer.path("outputs")) {
            if (output.path("name").asText().equals("prediction")) {
                int correct = 0;
                for (int i = 0; i < rows.size(); i++) {
                    correct += output.path("data").path(i).asInt() == sample.labels()[rows.get(i)] ? 1 : 0;
                }
                return correct / (double) rows.size();
            }
        }
        throw new IllegalStateException("OIP answered no prediction: " + answer);
    }

    private double train(String model) throws Exception {
        var trainer = trainer();
        var job = trainer.requestJob(model);
        await("job " + job.id(), () -> trainer.job(model, job.id()).isFinished());
        JobRecord done = trainer.job(model, job.id());
        if (done.testAccuracy() == null) {
            throw new IllegalStateException("job " + job.id() + " of " + model + " " + done.status() + ": " + done.message());
        }
        System.out.printf("%s: %s, test accuracy %.4f, %s%n", model, done.lineage().getOrDefault("init", "random"),
                done.testAccuracy(), done.decision() == null ? "" : done.decision().reason());
        return done.testAccuracy();
    }

    private int held(String model) {
        try {
            var dataset = trainer().dataset(model);
            return dataset.path("train").asInt() + dataset.path("test").asInt();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private TrainerApi trainer() {
        return new TrainerApi(state.ports().url(QuarkusService.TRAINER), token);
    }

    private void cli(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap", state.ports().bootstrap(), "--registry", state.ports().url(QuarkusService.REGISTRY),
                "--trainer", state.ports().url(QuarkusService.TRAINER), "--token", token));
        int code = Samuel.commandLine().execute(all.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("bin/samuel " + String.join(" ", args) + " failed (" + code + ")");
        }
    }

    private static HttpResponse<String> post(String url, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + SETTLE.toMinutes() + " minutes for " + what);
            }
            Thread.sleep(500);
        }
    }
}
