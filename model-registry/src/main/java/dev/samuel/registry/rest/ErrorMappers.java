package dev.samuel.registry.rest;

import dev.samuel.contracts.spec.InvalidModelSpecException;
import dev.samuel.plumbing.http.ErrorBody;
import dev.samuel.registry.domain.RegistryException;
import dev.samuel.registry.validate.InvalidModelException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refusals become JSON {@link ErrorBody}s; only corruption, unavailability and storage failures are 5xx. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response registry(RegistryException e) {
        int status = switch (e.kind()) {
            case BAD_REQUEST -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 503;
            case CORRUPT -> 500;
            // Insufficient Storage: the upload was fine, the store could not keep it (disk full, unwritable).
            case STORAGE -> 507;
        };
        if (status >= 500) {
            LOG.error(e.getMessage());
        }
        return json(status, ErrorBody.of(status, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalidSpec(InvalidModelSpecException e) {
        return json(400, new ErrorBody(400, e.getMessage(), e.problems(), null));
    }

    @ServerExceptionMapper
    public Response invalidModel(InvalidModelException e) {
        int status = InvalidModelException.TOO_LARGE.equals(e.reason()) ? 413 : 400;
        return json(status, new ErrorBody(status, e.getMessage(), null, e.reason()));
    }

    /**
     * The framework's own refusals (405 method, 406 Accept, 415 Content-Type, 404 from matching) in the same JSON
     * form; they were empty or HTML. Headers such as {@code Allow} are kept.
     */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse().getStatus();
        var message = request.getMethod() + " " + request.getUriInfo().getPath() + ": " + e.getMessage();
        return Response.fromResponse(e.getResponse()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(status, message)).build();
    }

    /**
     * A request whose body cannot be read, e.g. a multipart form cut before its closing boundary, which answered 500
     * ("Connection terminated parsing multipart request"). Resources wrap their own I/O failures as unchecked.
     */
    @ServerExceptionMapper
    public Response unreadable(IOException e) {
        return json(400, ErrorBody.of(400, "the request body cannot be read: " + e.getMessage()));
    }

    static Response json(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
