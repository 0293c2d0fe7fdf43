package dev.samuel.registry.rest;

import dev.samuel.contracts.spec.InvalidModelSpecException;
import dev.samuel.registry.domain.RegistryException;
import dev.samuel.registry.validate.InvalidModelException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refusals become JSON {@link ErrorBody}s; only corruption and unavailability are 5xx. */
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

    static Response json(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
