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

        JsonNode variable(String name) {
            for (var variable : json.path("templating").path("list")) {
                if (variable.path("name").asText().equals(name)) {
                    return variable;
                }
            }
            return null;
        }
    }

    private Dashboards() {
    }

    static List<Dashboard> all() {
        return Repo.list(FOLDER, ".json").stream().map(file -> new Dashboard(file, Yaml.readJson(file))).toList();
    }
}
