package dev.samuel.programs;

import java.util.Locale;

/** A program the platform cannot use for its model, with the step that refused it and a message for people. */
public class ProgramRefusedException extends RuntimeException {

    /** Why; {@link #code()} is the tag metrics and error bodies carry. */
    public enum Reason {
        NOT_LOADABLE, INPUT_MISMATCH, OUTPUT_MISMATCH, OUTPUT_KIND, FAILS_TO_RUN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public ProgramRefusedException(Reason reason, String message) {
        this(reason, message, null);
    }

    public ProgramRefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
