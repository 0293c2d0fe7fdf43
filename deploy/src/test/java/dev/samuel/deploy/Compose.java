package dev.samuel.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docker-compose.yml, in the short forms it uses: environment as a map or a list, "host:container" ports and mounts. */
final class Compose {

    static final String FILE = "docker-compose.yml";

    record Mount(String source, String target) {

        boolean isBind() {
            return source.startsWith(".") || source.startsWith("/");
        }
    }

    record Port(int host, int container) {
    }

    final JsonNode root = Yaml.read(Repo.path(FILE));

    JsonNode services() {
        return root.path("services");
    }

    JsonNode service(String name) {
        var service = services().path(name);
        if (service.isMissingNode()) {
            throw new IllegalArgumentException(FILE + " has no service " + name);
        }
        return service;
    }

    Map<String, String> environment(String name) {
        var environment = new LinkedHashMap<String, String>();
        var node = service(name).path("environment");
        if (node.isArray()) {
            node.forEach(entry -> {
                var text = entry.asText();
                var equals = text.indexOf('=');
                environment.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            });
        } else {
            node.fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        }
        return environment;
    }

    List<Mount> mounts(String name) {
        var mounts = new ArrayList<Mount>();
        service(name).path("volumes").forEach(entry -> {
            var parts = entry.asText().split(":");
            mounts.add(new Mount(parts[0], parts[1]));
        });
        return mounts;
    }

    List<Port> ports(String name) {
        var ports = new ArrayList<Port>();
        service(name).path("ports").forEach(entry -> {
            var parts = entry.asText().split(":");
            ports.add(new Port(Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1])));
        });
        return ports;
    }

    /** The container path where a bind mount of {@code source} (relative to the repository root) lands. */
    String mountTarget(String name, String source) {
        return mounts(name).stream().filter(m -> Repo.path(m.source()).normalize().equals(Repo.path(source).normalize()))
                .map(Mount::target).findFirst()
                .orElseThrow(() -> new AssertionError(name + " does not mount " + source));
    }
}
