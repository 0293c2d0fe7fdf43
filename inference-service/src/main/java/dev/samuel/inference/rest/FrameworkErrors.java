package dev.samuel.inference.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals the framework makes before any resource method runs, in OIP's {@code {"error": ...}} form: a wrong
 * method (405, with {@code Allow}), an {@code Accept} it cannot serve (406), a wrong {@code Content-Type} (415) had
 * empty bodies, and a path no resource matches got Vert.x Web's HTML "Resource not found" page. {@link OipResource}'s
 * own mappers still answer what its methods throw.
 */
@Singleton
public class FrameworkErrors {

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        var message = request.getMethod() + " " + request.getUriInfo().getPath() + ": " + e.getMessage();
        return Response.fromResponse(e.getResponse()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OipBodies.Error(message)).build();
    }

    /** The last route: it runs only when nothing else (REST resources, /q endpoints) answered. */
    void notFound(@Observes Router router) {
        router.route().last().handler(context -> {
            var message = context.request().method() + " " + context.normalizedPath() + ": no such resource";
            context.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(new JsonObject().put("error", message).encode());
        });
    }
}
