package io.vigie.runtime.service;

import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;

/** Stopping a thread that loops on a Kafka consumer's poll: the one way every service does it. */
public final class ConsumerThreads {
    private ConsumerThreads() {
    }

    /**
     * Wakes the consumer out of its poll (its loop must then see its running flag down and close the consumer) and
     * waits at most {@code wait} for the thread. Either may be null when the service never started.
     *
     * @return whether the thread has ended (or never existed)
     */
    public static boolean wakeAndJoin(Consumer<?, ?> consumer, Thread thread, Duration wait) {
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread == null) {
            return true;
        }
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
