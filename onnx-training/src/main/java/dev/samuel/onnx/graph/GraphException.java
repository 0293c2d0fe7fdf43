package dev.samuel.onnx.graph;

/** A graph that cannot be built, differentiated, imported or run as asked; the message names the culprit. */
public class GraphException extends RuntimeException {
    public GraphException(String message) {
        super(message);
    }

    public GraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
