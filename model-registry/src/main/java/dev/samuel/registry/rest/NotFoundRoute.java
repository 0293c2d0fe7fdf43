package dev.samuel.registry.rest;

import dev.samuel.plumbing.http.ErrorBody;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * A path no resource matches (e.g. {@code /models/..}, which normalises to {@code /}) fell through to Vert.x Web's
 * HTML "Resource not found" page. This last route answers such requests like every other refusal: 404 with a JSON
 * body of {@link ErrorBody}'s form. It runs only when nothing else (REST resources, /q endpoints) answered.
 */
@Singleton
public class NotFoundRoute {

    void register(@Observes Router router) {
        router.route().last().handler(context -> {
            var message = context.request().method() + " " + context.normalizedPath() + ": no such resource";
            context.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(new JsonObject().put("status", 404).put("message", message).encode());
        });
    }
}
