package dev.samuel.trainer.rest;

import dev.samuel.plumbing.http.ErrorBody;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A 404 says what was not found, as an {@link ErrorBody}. */
public class NotFoundMapper {

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Response.status(404).type(MediaType.APPLICATION_JSON).entity(ErrorBody.of(404, e.getMessage())).build();
    }
}
