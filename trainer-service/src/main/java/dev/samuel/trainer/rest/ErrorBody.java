package dev.samuel.trainer.rest;

/** Every refusal of the trainer's REST API, as JSON: the HTTP status and a message naming the problem. */
public record ErrorBody(int status, String message) {
}
