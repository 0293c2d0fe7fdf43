package dev.samuel.registry.rest;

import java.util.List;

/** Every refusal: the HTTP status, a message naming the problem, every problem of a spec, a reason code. */
public record ErrorBody(int status, String message, List<String> problems, String reason) {

    public static ErrorBody of(int status, String message) {
        return new ErrorBody(status, message, null, null);
    }
}
