package dev.samuel.contracts.event;

/** A record that cannot be used, with the reason it is dead-lettered for and a message for the producer. */
public class InvalidRecordException extends RuntimeException {

    private final RejectReason reason;

    public InvalidRecordException(RejectReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
