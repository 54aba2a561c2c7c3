package io.vigie.ingest.fetch;

/** A fetch that produced no usable response: timeout, too large, too many redirects, refused address, I/O. */
public final class FetchException extends Exception {
    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
