package dev.samuel.contracts.model;

/** A program that does not fit its model's spec, with what each of them says, and which side of it differs. */
public class SignatureMismatchException extends IllegalArgumentException {

    /** Which part of the program disagrees with the spec. */
    public enum Part { INPUT, OUTPUT }

    private final Part part;

    public SignatureMismatchException(Part part, String message) {
        super(message);
        this.part = part;
    }

    public Part part() {
        return part;
    }
}
