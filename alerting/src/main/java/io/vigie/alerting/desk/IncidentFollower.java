package io.vigie.alerting.desk;

import io.vigie.runtime.service.ConsumerThreads;
import io.vigie.model.DeadLetter;
import io.vigie.model.IncidentCommand;
import io.vigie.model.IncidentEvent;
import io.vigie.model.IncidentStatus;
import io.vigie.model.JsonSerde;
import io.vigie.model.Silence;
import io.vigie.model.Topics;
import io.vigie.model.UndecodableRecordException;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.VigieService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * What every alerting instance knows of the whole cluster, kept live: it follows the compacted {@code incidents}
 * topic (every instance's writes, for the API and for the owner that takes a brand over), the {@code silences}
 * topic (handed to the router, so a silence created on one instance mutes on all), and the answers on
 * {@code incident.actions} (so the instance that received an HTTP action learns what the owner did). It reads
 * committed records only, without a consumer group: every instance reads every partition.
 */
public final class IncidentFollower implements VigieService {
    private static final Logger log = LoggerFactory.getLogger(IncidentFollower.class);
    /** Resolved incidents stay visible this long, like the owner's memory of them. */
    private static final Duration FORGET_AFTER = Duration.ofHours(24);

    private final KafkaConnection kafka;
    private final BiConsumer<String, Silence> onSilence;
    private final Clock clock;
    private final JsonSerde<IncidentEvent> incidentSerde = JsonSerde.of(IncidentEvent.class);
    private final JsonSerde<Silence> silenceSerde = JsonSerde.of(Silence.class);
    private final JsonSerde<IncidentCommand> commandSerde = JsonSerde.of(IncidentCommand.class);
    private final JsonSerde<DeadLetter> deadLetters = JsonSerde.of(DeadLetter.class);
    private final Map<String, IncidentEvent> incidents = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<IncidentCommand>> answers = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> deadLetterProducer;

    public IncidentFollower(KafkaConnection kafka, BiConsumer<String, Silence> onSilence, Clock clock) {
        this.kafka = kafka;
        this.onSilence = onSilence;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "alerting-follower";
    }

    @Override
    public void start() {
        Properties c = kafka.consumerConfig();
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        deadLetterProducer = new KafkaProducer<>(kafka.producerConfig(), new StringSerializer(),
                new ByteArraySerializer());
        running = true;
        thread = new Thread(this::run, "alerting-follower");
        thread.start();
    }

    private void run() {
        try {
            List<TopicPartition> fromStart = new ArrayList<>();
            fromStart.addAll(partitions(Topics.INCIDENTS));
            fromStart.addAll(partitions(Topics.SILENCES));
            List<TopicPartition> answersOnly = partitions(Topics.INCIDENT_ACTIONS);
            List<TopicPartition> all = new ArrayList<>(fromStart);
            all.addAll(answersOnly);
            consumer.assign(all);
            consumer.seekToBeginning(fromStart);
            // Answers to requests made before this start are of no use: nobody here waits for them.
            consumer.seekToEnd(answersOnly);
            Map<TopicPartition, Long> startEnd = consumer.endOffsets(fromStart);
            long lastForget = System.nanoTime();
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    take(r);
                }
                synchronized (positions) {
                    for (TopicPartition tp : all) {
                        positions.put(tp, consumer.position(tp));
                    }
                    positions.notifyAll();
                }
                if (ready.getCount() > 0 && caughtUp(startEnd)) {
                    log.info("service=alerting-follower event=caught-up incidents={}", incidents.size());
                    ready.countDown();
                }
                if (System.nanoTime() - lastForget > 60_000_000_000L) {
                    forgetOld();
                    lastForget = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("service=alerting-follower event=crashed error=\"{}\"", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private List<TopicPartition> partitions(String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private void take(ConsumerRecord<String, byte[]> r) {
        try {
            switch (r.topic()) {
                case Topics.INCIDENTS -> {
                    if (r.value() == null) {
                        incidents.remove(r.key());
                    } else {
                        IncidentEvent incident = incidentSerde.decode(r.value());
                        incidents.put(incident.incidentId(), incident);
                    }
                }
                case Topics.SILENCES -> onSilence.accept(r.key(), r.value() == null ? null
                        : silenceSerde.decode(r.value()));
                case Topics.INCIDENT_ACTIONS -> {
                    IncidentCommand command = commandSerde.decode(r.value());
                    if (command.isAnswer()) {
                        CompletableFuture<IncidentCommand> waiting = answers.remove(command.commandId());
                        if (waiting != null) {
                            waiting.complete(command);
                        }
                    }
                }
                default -> throw new IllegalStateException("not followed: " + r.topic());
            }
        } catch (UndecodableRecordException e) {
            // The owner dead-letters undecodable requests; here only incidents and silences are ours to report.
            if (!Topics.INCIDENT_ACTIONS.equals(r.topic())) {
                deadLetterProducer.send(new ProducerRecord<>(Topics.DEADLETTER, r.key(), deadLetters.encode(
                        DeadLetter.ofRecord("alerting.follow", r, e, clock.instant()))));
                log.warn("service=alerting-follower event=deadletter topic={} partition={} offset={} reason=\"{}\"",
                        r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> ends) {
        synchronized (positions) {
            for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                if (positions.getOrDefault(e.getKey(), -1L) < e.getValue()) {
                    return false;
                }
            }
            return true;
        }
    }

    private void forgetOld() {
        Instant cutoff = clock.instant().minus(FORGET_AFTER);
        incidents.values().removeIf(i -> i.status() == IncidentStatus.RESOLVED && i.resolvedAt() != null
                && i.resolvedAt().isBefore(cutoff));
    }

    /** Waits until the incidents and silences written before this instance started were read. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits until this follower has read every partition up to the given offsets (typically the end offsets the
     * owner saw when it was given new partitions): from then on it knows every incident committed before.
     */
    public boolean awaitCaughtUp(Map<TopicPartition, Long> ends, Duration timeout,
            java.util.function.BooleanSupplier keepWaiting) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (positions) {
            while (!caughtUp(ends)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running || !keepWaiting.getAsBoolean()) {
                    return false;
                }
                // Woken by every poll; the bound lets a stopping caller give up quickly.
                positions.wait(Math.max(1, Math.min(200, left / 1_000_000)));
            }
            return true;
        }
    }

    public Optional<IncidentEvent> incident(String incidentId) {
        return Optional.ofNullable(incidents.get(incidentId));
    }

    public Collection<IncidentEvent> incidents() {
        return List.copyOf(incidents.values());
    }

    /** Registers interest in the owner's answer to a request, before the request is sent. */
    public CompletableFuture<IncidentCommand> answerTo(String commandId) {
        return answers.computeIfAbsent(commandId, k -> new CompletableFuture<>());
    }

    public void forget(String commandId) {
        answers.remove(commandId);
    }

    @Override
    public void close() {
        running = false;
        ConsumerThreads.wakeAndJoin(consumer, thread, Duration.ofSeconds(5));
        if (deadLetterProducer != null) {
            deadLetterProducer.close(Duration.ofSeconds(2));
        }
    }
}
