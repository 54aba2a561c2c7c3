package io.vigie.runtime.service;

/**
 * A long-running part of a stage (a stream topology, a poller, an indexer, a web server). {@code vigie local}
 * starts them all in one process; {@code vigie ingest} and the like start one stage's services alone.
 * Several instances of a service share work through Kafka consumer groups, never through anything else.
 */
public interface VigieService extends AutoCloseable {

    /** Short name for logs and the ready line, e.g. "indexer". */
    String name();

    /** Starts the service's threads and returns; failures to connect are retried inside, not thrown. */
    void start();

    /**
     * Waits until the service can do its job (e.g. its index template is installed), at most {@code timeout}; true
     * when it can. {@code start()} returns before that for services that set up asynchronously; a launcher that
     * announces "ready" waits for this first. Services with nothing to set up are ready once started.
     */
    default boolean awaitReady(java.time.Duration timeout) throws InterruptedException {
        return true;
    }

    /**
     * Whether the service can do its job right now, for the readiness endpoint: after {@link #awaitReady} it may
     * become false again (an indexer replaying a topic into a new index). Quick, never blocking.
     */
    default boolean readyNow() {
        return true;
    }

    /** Stops the service, waiting for in-flight work to be committed or handed back. */
    @Override
    void close();
}
