package io.vigie.runtime.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.errors.WakeupException;
import org.junit.jupiter.api.Test;

class ConsumerThreadsTest {

    @Test
    void aThreadBlockedInPollIsWokenAndHasEndedWhenItReturns() throws Exception {
        MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        consumer.subscribe(java.util.List.of("t"));
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    consumer.poll(Duration.ofMillis(50));
                }
            } catch (WakeupException expected) {
                // the stop asked for
            }
        });
        thread.start();
        assertTrue(ConsumerThreads.wakeAndJoin(consumer, thread, Duration.ofSeconds(10)));
        assertFalse(thread.isAlive());
    }

    @Test
    void aServiceThatNeverStartedStopsAtOnce() {
        assertTrue(ConsumerThreads.wakeAndJoin(null, null, Duration.ofSeconds(10)));
    }
}
