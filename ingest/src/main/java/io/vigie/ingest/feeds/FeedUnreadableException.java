package io.vigie.ingest.feeds;

/** Nothing could be recovered from the input (not a feed, empty, binary): the message says why. */
public final class FeedUnreadableException extends Exception {
    public FeedUnreadableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
