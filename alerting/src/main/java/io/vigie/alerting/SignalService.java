package io.vigie.alerting;

import io.vigie.model.DeadLetter;
import io.vigie.model.IncidentEvent;
import io.vigie.model.JsonSerde;
import io.vigie.model.Silence;
import io.vigie.model.SpikeSignal;
import io.vigie.model.Topics;
import io.vigie.model.UndecodableRecordException;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.VigieService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the incident router: first reads the compacted {@code incidents} and {@code silences} topics to the end
 * (so a restart knows every incident and what was already sent), then consumes {@code signals} in a consumer
 * group, committing after the resulting incident and notifications are acknowledged by the cluster. A tick
 * every {@code tickInterval} resolves, repeats, escalates and sends what waited.
 */
public final class SignalService implements VigieService {
    private static final Logger log = LoggerFactory.getLogger(SignalService.class);

    private final KafkaConnection kafka;
    private final String groupId;
    private final IncidentRouter router;
    private final Duration tickInterval;
    private final Clock clock;
    private final JsonSerde<SpikeSignal> signals = JsonSerde.of(SpikeSignal.class);
    private final JsonSerde<DeadLetter> deadLetters = JsonSerde.of(DeadLetter.class);
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> deadLetterProducer;

    public SignalService(KafkaConnection kafka, String groupId, IncidentRouter router, Duration tickInterval,
            Clock clock) {
        this.kafka = kafka;
        this.groupId = groupId;
        this.router = router;
        this.tickInterval = tickInterval;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "alerting-signals";
    }

    @Override
    public void start() {
        Properties c = kafka.consumerConfig();
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        deadLetterProducer = new KafkaProducer<>(kafka.producerConfig(), new StringSerializer(), new ByteArraySerializer());
        running = true;
        thread = new Thread(this::run, "alerting-signals");
        thread.start();
    }

    /** Waits until the incidents and silences were read back and the group gave this instance its partitions. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            int incidents = restore(Topics.INCIDENTS, IncidentEvent.class, (k, v) -> {
                if (v != null) {
                    router.restore(v);
                }
            });
            int silences = restore(Topics.SILENCES, Silence.class, router::restoreSilence);
            log.info("service=alerting-signals event=restored incidents={} silences={}", incidents, silences);
            consumer.subscribe(List.of(Topics.SIGNALS), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {}

                @Override
                public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                    log.info("service=alerting-signals event=assigned partitions={}", partitions.size());
                    ready.countDown();
                }
            });
            long nextTick = 0;
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(50));
                List<SpikeSignal> batch = new java.util.ArrayList<>(records.count());
                for (ConsumerRecord<String, byte[]> r : records) {
                    try {
                        batch.add(signals.decode(r.value()));
                    } catch (UndecodableRecordException e) {
                        deadLetter(r, e);
                    }
                }
                if (!records.isEmpty()) {
                    router.onSignals(batch); // returns once the incidents and notifications are acknowledged
                    consumer.commitSync();
                }
                if (System.nanoTime() >= nextTick) {
                    router.tick();
                    nextTick = System.nanoTime() + tickInterval.toNanos();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("service=alerting-signals event=crashed error=\"{}\"", e.toString(), e);
        } finally {
            consumer.close();
        }
    }

    /** Reads a compacted topic from the beginning to its current end, without a consumer group. */
    private <T> int restore(String topic, Class<T> type, BiConsumer<String, T> apply) {
        JsonSerde<T> serde = JsonSerde.of(type);
        Properties c = kafka.consumerConfig();
        int count = 0;
        try (KafkaConsumer<String, byte[]> reader =
                new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(pi -> new TopicPartition(topic, pi.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            while (running && partitions.stream().anyMatch(tp -> reader.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(200))) {
                    try {
                        apply.accept(r.key(), r.value() == null ? null : serde.decode(r.value()));
                        count++;
                    } catch (UndecodableRecordException e) {
                        deadLetter(r, e);
                    }
                }
            }
        }
        return count;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> r, UndecodableRecordException e) {
        DeadLetter letter = DeadLetter.ofRecord("alerting.decode", r, e, clock.instant());
        try {
            // Waited for: the offset is committed right after, and a dead letter must not be lost with it.
            deadLetterProducer.send(new ProducerRecord<>(Topics.DEADLETTER, r.key(), deadLetters.encode(letter))).get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter", interrupted);
        } catch (java.util.concurrent.ExecutionException failed) {
            throw new IllegalStateException("cannot write a dead letter: " + failed.getCause(), failed.getCause());
        }
        log.warn("service=alerting-signals event=deadletter topic={} partition={} offset={} reason=\"{}\"",
                r.topic(), r.partition(), r.offset(), e.getMessage());
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (deadLetterProducer != null) {
            deadLetterProducer.close(Duration.ofSeconds(5));
        }
    }
}
