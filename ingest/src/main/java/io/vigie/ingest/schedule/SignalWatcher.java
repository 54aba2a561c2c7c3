package io.vigie.ingest.schedule;

import io.vigie.runtime.service.ConsumerThreads;
import io.vigie.model.JsonSerde;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import io.vigie.model.Topics;
import io.vigie.model.UndecodableRecordException;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.connect.TopicReplay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the {@code signals} topic (every partition, no group: each instance needs all of it) and reports the
 * brands with an open signal episode, so their sources are polled faster. An episode is open from its START to
 * its END, or until it has had no update for {@link #STALE_AFTER}.
 */
public final class SignalWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignalWatcher.class);
    static final Duration STALE_AFTER = Duration.ofHours(6);

    private record Open(String brand, Instant lastSeen) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<Set<String>> onChange;
    private final Clock clock;
    private final Map<String, Open> open = new HashMap<>();
    private final JsonSerde<SpikeSignal> serde = JsonSerde.of(SpikeSignal.class);
    private final Thread thread;
    private volatile boolean running = true;

    public SignalWatcher(KafkaConnection kafka, Clock clock, Consumer<Set<String>> onChange) {
        Properties p = kafka.consumerConfig();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(p);
        this.onChange = onChange;
        this.clock = clock;
        this.thread = new Thread(this::run, "vigie-ingest-signals");
        this.thread.setDaemon(true);
    }

    /** The consumer, for its Kafka client metrics (fetch rates, lag, rebalances). */
    public org.apache.kafka.clients.consumer.Consumer<?, ?> consumer() {
        return consumer;
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            TopicReplay.assignSince(consumer, Topics.SIGNALS, clock.instant().minus(STALE_AFTER), Duration.ofSeconds(30));
            Set<String> reported = Set.of();
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        SpikeSignal s = serde.decode(r.value());
                        if (s.phase() == SignalPhase.END) {
                            open.remove(s.signalId());
                        } else if (s.brand() != null) {
                            open.put(s.signalId(), new Open(s.brand(), clock.instant()));
                        }
                    } catch (UndecodableRecordException | NullPointerException e) {
                        // an unreadable signal is the analyze stage's to dead-letter; here it only fails to speed a poll
                    }
                }
                Instant cutoff = clock.instant().minus(STALE_AFTER);
                open.values().removeIf(o -> o.lastSeen().isBefore(cutoff));
                Set<String> brands = open.values().stream().map(Open::brand).collect(Collectors.toSet());
                if (!brands.equals(reported)) {
                    reported = brands;
                    LOG.info("event=brands_under_signal brands={}", brands);
                    onChange.accept(brands);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.warn("event=signal_watcher_failed error={}", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        running = false;
        ConsumerThreads.wakeAndJoin(consumer, thread, Duration.ofSeconds(10));
    }
}
