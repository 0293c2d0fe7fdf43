package dev.samuel.cli.stack;

import dev.samuel.contracts.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every panel query of the Grafana dashboards in deploy/grafana/dashboards, as Grafana would send it for a model. */
final class DashboardQueries {

    static final Path DASHBOARDS = LocalStackIT.HOME.resolve("deploy/grafana/dashboards");

    /** One panel's query, with the dashboard and panel it comes from. */
    record Query(String dashboard, String panel, String expression) {
    }

    private DashboardQueries() {
    }

    static List<Query> forModel(String model) throws IOException {
        var queries = new ArrayList<Query>();
        try (var files = Files.list(DASHBOARDS)) {
            for (var file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                var dashboard = Json.MAPPER.readTree(file.toFile());
                for (var panel : dashboard.path("panels")) {
                    for (var target : panel.path("targets")) {
                        // Grafana's variables, as the dashboard would fill them for this model.
                        var expression = target.path("expr").asText().replace("$model", model)
                                .replace("$__rate_interval", "1m");
                        queries.add(new Query(file.getFileName().toString(), panel.path("title").asText(), expression));
                    }
                }
            }
        }
        return queries;
    }
}
