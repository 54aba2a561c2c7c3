package io.vigie.model;

/** A topic value that cannot become its record; {@link #getMessage()} is the reason a dead letter carries. */
public class UndecodableRecordException extends RuntimeException {
    public UndecodableRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
