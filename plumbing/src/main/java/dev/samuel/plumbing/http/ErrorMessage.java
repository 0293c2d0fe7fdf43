package dev.samuel.plumbing.http;

import dev.samuel.contracts.json.Json;
import java.io.IOException;

/**
 * The words of a refusal: every Samuel service answers an {@link ErrorBody}, {@code {"status", "message", "problems"}};
 * anything else is shown as it came.
 */
final class ErrorMessage {

    private ErrorMessage() {
    }

    static String of(String body) {
        try {
            var node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject() || !node.has("message")) {
                return body;
            }
            var text = new StringBuilder(node.path("message").asText());
            node.path("problems").forEach(problem -> text.append("\n  - ").append(problem.asText()));
            return text.toString();
        } catch (IOException e) {
            return body;
        }
    }
}
