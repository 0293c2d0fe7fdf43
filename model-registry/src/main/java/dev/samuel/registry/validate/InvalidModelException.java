package dev.samuel.registry.validate;

/** An upload that cannot become a version; {@code reason} is a short code for metrics, the message is for people. */
public class InvalidModelException extends RuntimeException {

    public static final String TOO_LARGE = "too_large";
    public static final String EMPTY = "empty";
    public static final String NOT_ONNX = "not_onnx";
    public static final String EXTERNAL_DATA = "external_data";
    public static final String NOT_LOADABLE = "not_loadable";
    public static final String INPUT_MISMATCH = "input_mismatch";
    public static final String OUTPUT_MISMATCH = "output_mismatch";
    public static final String FAILS_TO_RUN = "fails_to_run";
    public static final String OUTPUT_KIND = "output_kind";

    private final String reason;

    public InvalidModelException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
