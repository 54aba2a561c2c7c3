package io.vigie.ingest.poll;

/** Where poll outcomes go. {@link #commit} returns once the outcome is durable (or throws: nothing was kept). */
public interface PollSink extends AutoCloseable {
    void commit(String feedUrl, PollOutcome outcome) throws Exception;

    @Override
    default void close() {}
}
