package dev.samuel.inference.rest;

/** A request this service cannot score; answered 400 with the message, in OIP's {@code {"error": ...}} form. */
public class BadInferRequest extends RuntimeException {

    public BadInferRequest(String message) {
        super(message, null, false, false);
    }
}
