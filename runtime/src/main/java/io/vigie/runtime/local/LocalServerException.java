package io.vigie.runtime.local;

/**
 * A local server could not start for a reason the operator can fix (a taken port, a missing JDK, a data directory
 * the Elasticsearch account cannot enter). The message is one actionable line; the launcher prints it as is.
 */
public final class LocalServerException extends RuntimeException {
    public LocalServerException(String message) {
        super(message);
    }

    public LocalServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
