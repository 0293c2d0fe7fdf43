package dev.samuel.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samuel.cli.CliException;
import dev.samuel.contracts.registry.VersionRecord;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "versions", description = "List a model's versions with their test loss, accuracy and promotion decision.")
public final class VersionsCommand extends ModelCommand {

    @Option(names = "--detail", description = "each version's program signature, metrics, lineage, and the metadata its"
            + " ONNX file carries (what any ONNX tool reads)")
    boolean detail;

    @Override
    public Integer call() {
        var registry = endpoints.registry();
        var found = registry.model(model).orElseThrow(() -> new CliException("no model '" + model + "'"));
        var champion = found.path("aliases").path("champion").asInt(0);
        if (!detail) {
            System.out.printf("%-8s %10s %9s  %-20s %s%n", "VERSION", "TEST LOSS", "ACCURACY", "CREATED", "PROMOTION");
        }
        for (var version : registry.versions(model)) {
            int number = version.path("version").asInt();
            if (detail) {
                printDetail(version, number == champion, registry.artifactMetadata(model, number));
                continue;
            }
            System.out.printf("%-8s %10s %9s  %-20s %s%n", number + (number == champion ? " *" : ""),
                    decimal(version.path("metrics").path(VersionRecord.TEST_LOSS).asText("")),
                    decimal(version.path("metrics").path(VersionRecord.TEST_ACCURACY).asText("")),
                    created(version), version.path("lineage").path("promotion").asText(""));
        }
        if (!detail) {
            System.out.println("* champion");
        }
        return 0;
    }

    private static void printDetail(JsonNode version, boolean champion, JsonNode metadata) {
        System.out.printf("version %d%s, registered %s%n", version.path("version").asInt(), champion ? " (champion)" : "",
                created(version));
        var program = version.path("program");
        System.out.println(program.isMissingNode() ? "  program:  not recorded (registered before signatures were)"
                : String.format("  program:  input '%s' [batch, %d] -> output '%s' [batch, %d] holding %s; %s network",
                        program.path("input").asText(), program.path("features").asInt(), program.path("output").asText(),
                        program.path("width").asInt(), program.path("kind").asText(), program.path("origin").asText()));
        System.out.println("  metrics:  " + pairs(version.path("metrics")));
        System.out.println("  lineage:  " + pairs(version.path("lineage")));
        System.out.println("  metadata: " + pairs(metadata));
    }

    /** Longer values (a program's input summary, some KB of JSON) are cut: the registry's metadata endpoint has them whole. */
    private static final int LONGEST_VALUE = 120;

    private static String pairs(JsonNode object) {
        Map<String, String> sorted = new TreeMap<>();
        object.fields().forEachRemaining(field -> sorted.put(field.getKey(), shortened(field.getValue().asText())));
        var out = new StringBuilder();
        sorted.forEach((key, value) -> out.append(out.isEmpty() ? "" : "\n            ").append(key).append(" = ")
                .append(value));
        return out.isEmpty() ? "-" : out.toString();
    }

    private static String shortened(String value) {
        return value.length() <= LONGEST_VALUE ? value
                : value.substring(0, LONGEST_VALUE) + "... (" + value.length() + " characters)";
    }

    private static String created(JsonNode version) {
        return version.path("createdAt").asText().replaceFirst("\\.\\d+Z$", "Z");
    }

    private static String decimal(String value) {
        return value.isEmpty() ? "-" : String.format("%.4f", Double.parseDouble(value));
    }
}
