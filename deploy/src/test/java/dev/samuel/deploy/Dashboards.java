package dev.samuel.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Grafana dashboards of deploy/grafana/dashboards and what the tests read from them. */
final class Dashboards {

    static final Path FOLDER = Repo.path("deploy/grafana/dashboards");
    /** The uid of the datasource that deploy/grafana/provisioning/datasources provisions. */
    static final String DATASOURCE_UID = "samuel-prometheus";

    record Dashboard(Path file, JsonNode json) {

        String name() {
            return file.getFileName().toString();
        }

        /** Every panel, those inside collapsed rows included; rows themselves are left out. */
        List<JsonNode> panels() {
            var panels = new ArrayList<JsonNode>();
            for (var panel : json.path("panels")) {
                if (panel.path("type").asText().equals("row")) {
                    panel.path("panels").forEach(panels::add);
                } else {
                    panels.add(panel);
                }
            }
            return panels;
        }

        /** Every panel id, rows included: Grafana needs them unique across the dashboard. */
        List<Integer> ids() {
            var ids = new ArrayList<Integer>();
            for (var panel : json.path("panels")) {
                ids.add(panel.path("id").asInt(-1));
                panel.path("panels").forEach(inner -> ids.add(inner.path("id").asInt(-1)));
            }
            return ids;
        }

        /** The dashboard's own annotations: Grafana's built-in one (alerts and manual notes) left out. */
        List<JsonNode> annotations() {
            var annotations = new ArrayList<JsonNode>();
            for (var annotation : json.path("annotations").path("list")) {
                if (annotation.path("builtIn").asInt() != 1) {
                    annotations.add(annotation);
                }
            }
            return annotations;
        }

        /** Every PromQL expression of the dashboard: each panel's targets, then each annotation's. */
        List<Query> queries() {
            var queries = new ArrayList<Query>();
            for (var panel : panels()) {
                for (var target : panel.path("targets")) {
                    queries.add(new Query("panel '" + panel.path("title").asText() + "'", target.path("expr").asText()));
                }
            }
            for (var annotation : annotations()) {
                queries.add(new Query("annotation '" + annotation.path("name").asText() + "'",
                        annotation.path("expr").asText()));
            }
            return queries;
        }

        JsonNode variable(String name) {
            for (var variable : json.path("templating").path("list")) {
                if (variable.path("name").asText().equals(name)) {
                    return variable;
                }
            }
            return null;
        }
    }

    /** One PromQL expression and where in its dashboard it is. */
    record Query(String source, String expr) {
    }

    private Dashboards() {
    }

    static List<Dashboard> all() {
        return Repo.list(FOLDER, ".json").stream().map(file -> new Dashboard(file, Yaml.readJson(file))).toList();
    }
}
