package dev.samuel.trainer.rest;

import dev.samuel.plumbing.http.ErrorBody;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A 404 says what was not found, and a 400 what was wrong with the request, as an {@link ErrorBody}. */
public class NotFoundMapper {

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Response.status(404).type(MediaType.APPLICATION_JSON).entity(ErrorBody.of(404, e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(ErrorBody.of(400, e.getMessage())).build();
    }
}
