package io.vigie.alerting.outbox;

import io.vigie.runtime.service.ConsumerThreads;
import io.vigie.model.DeadLetter;
import io.vigie.model.JsonSerde;
import io.vigie.model.Notification;
import io.vigie.model.Topics;
import io.vigie.model.UndecodableRecordException;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.metrics.StageMetrics;
import io.vigie.runtime.service.VigieService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
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
 * Reads the {@code notifications} topic and delivers what is pending. Each attempt's outcome is appended as the
 * notification's next state. The committed offset of a partition never passes the latest record of a
 * notification still pending, so after a restart (or a rebalance) every unfinished notification is read again,
 * with its attempt count, and retried; finished ones are skipped. Before acting on a newly assigned partition
 * it reads it to the end, so it acts on the latest state only.
 */
public final class OutboxDispatcher implements VigieService {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int FINISHED_MEMORY = 200_000;
    private static final int FAILED_MEMORY = 1_000;

    private final KafkaConnection kafka;
    private final String groupId;
    private final Delivery delivery;
    private final int parallelism;
    private final Clock clock;
    private final JsonSerde<Notification> serde = JsonSerde.of(Notification.class);
    private final JsonSerde<DeadLetter> deadLetters = JsonSerde.of(DeadLetter.class);

    private final Map<String, Pending> pending = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    private final ArrayDeque<String> finishedOrder = new ArrayDeque<>();
    private final ArrayDeque<Notification> recentlyFailed = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Notification> outcomes = new ConcurrentLinkedQueue<>();
    private final Map<TopicPartition, Long> catchUpTo = new HashMap<>();
    private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean running;
    private volatile Thread thread;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private ExecutorService workers;
    private long delivered;
    private long failed;

    private static final class Pending {
        Notification notification;
        TopicPartition partition;
        long offset;
        boolean inFlight;
    }

    /** Kafka client metrics of the consumer and producer, bound while they run; null without a registry (tests). */
    private final StageMetrics metrics;
    private final List<KafkaClientMetrics> clientMetrics = new ArrayList<>();

    public OutboxDispatcher(KafkaConnection kafka, String groupId, Delivery delivery, int parallelism, Clock clock) {
        this(kafka, groupId, delivery, parallelism, clock, null);
    }

    /** As above, binding the consumer's and producer's Kafka client metrics in {@code metrics}. */
    public OutboxDispatcher(KafkaConnection kafka, String groupId, Delivery delivery, int parallelism, Clock clock,
            StageMetrics metrics) {
        this.metrics = metrics;
        this.kafka = kafka;
        this.groupId = groupId;
        this.delivery = delivery;
        this.parallelism = parallelism;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "alerting-outbox";
    }

    @Override
    public void start() {
        Properties c = kafka.consumerConfig();
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // A killed instance's pending notifications are taken over after this long (the broker's default is 45 s).
        c.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        c.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        Properties p = kafka.producerConfig();
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        if (metrics != null) {
            clientMetrics.add(metrics.kafkaClient(consumer));
            clientMetrics.add(metrics.kafkaClient(producer));
        }
        workers = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "alerting-delivery");
            t.setDaemon(true);
            return t;
        });
        running = true;
        thread = new Thread(this::run, "alerting-outbox");
        thread.start();
        log.info("service=alerting-outbox event=started group={} parallelism={}", groupId, parallelism);
    }

    private void run() {
        consumer.subscribe(List.of(Topics.NOTIFICATIONS), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // A delivery in flight must leave its outcome on the topic before the partition goes: the next
                // owner reads the partition to its end and would otherwise deliver the notification a second time.
                finishInFlight(partitions, Duration.ofSeconds(5));
                commit(true);
                pending.values().removeIf(p -> partitions.contains(p.partition) && !p.inFlight);
                partitions.forEach(catchUpTo::remove);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                catchUpTo.putAll(consumer.endOffsets(partitions));
            }
        });
        long lastCommit = 0;
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                    take(r);
                }
                applyOutcomes();
                if (caughtUp()) {
                    if (!catchUpTo.isEmpty()) {
                        ready.countDown();
                    }
                    dispatchDue();
                }
                if (System.nanoTime() - lastCommit > 500_000_000L) {
                    commit(false);
                    lastCommit = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("service=alerting-outbox event=crashed error=\"{}\"", e.toString(), e);
        } finally {
            try {
                applyOutcomes();
                commit(true);
            } catch (RuntimeException e) {
                log.warn("service=alerting-outbox event=final-commit-failed error=\"{}\"", e.toString());
            }
            clientMetrics.forEach(KafkaClientMetrics::close);
            // Bounded: a stop must not hang on a broker that went away first (the offsets are safe anyway: a
            // notification not committed past is read again and its idempotency key dedupes it).
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private void take(ConsumerRecord<String, byte[]> r) {
        Notification n;
        try {
            n = serde.decode(r.value());
        } catch (UndecodableRecordException e) {
            producer.send(new ProducerRecord<>(Topics.DEADLETTER, r.key(),
                    deadLetters.encode(DeadLetter.ofRecord("alerting.outbox", r, e, clock.instant()))));
            log.warn("service=alerting-outbox event=deadletter partition={} offset={} reason=\"{}\"",
                    r.partition(), r.offset(), e.getMessage());
            return;
        }
        String id = n.notificationId();
        if (n.finished()) {
            Pending p = pending.get(id);
            if (p == null || !p.inFlight) {
                pending.remove(id);
            }
            remember(id);
            return;
        }
        if (finished.contains(id)) {
            return; // a replayed "planned" record of a notification already delivered or given up
        }
        Pending p = pending.computeIfAbsent(id, k -> new Pending());
        if (p.notification == null || n.attempts() >= p.notification.attempts()) {
            p.notification = n;
        }
        p.partition = new TopicPartition(r.topic(), r.partition());
        p.offset = r.offset();
    }

    private boolean caughtUp() {
        for (Map.Entry<TopicPartition, Long> e : catchUpTo.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void dispatchDue() {
        Instant now = clock.instant();
        for (Pending p : pending.values()) {
            Notification n = p.notification;
            if (p.inFlight || n.nextAttemptAt() != null && n.nextAttemptAt().isAfter(now)) {
                continue;
            }
            p.inFlight = true;
            workers.execute(() -> {
                Notification outcome;
                try {
                    outcome = delivery.attempt(n);
                } catch (RuntimeException e) {
                    outcome = n.retryAt(clock.instant().plusSeconds(5), clock.instant(), e.toString());
                }
                outcomes.add(outcome);
            });
        }
    }

    private void applyOutcomes() {
        for (Notification outcome; (outcome = outcomes.poll()) != null; ) {
            String id = outcome.notificationId();
            producer.send(new ProducerRecord<>(Topics.NOTIFICATIONS, id, serde.encode(outcome)), (md, e) -> {
                if (e != null) {
                    log.error("service=alerting-outbox event=state-not-written notification={} error=\"{}\"", id,
                            e.toString());
                }
            });
            Pending p = pending.get(id);
            switch (outcome.status()) {
                case DELIVERED -> {
                    delivered++;
                    pending.remove(id);
                    remember(id);
                    log.info("service=alerting-outbox event=delivered notification={} incident={} receiver={} "
                            + "channel={} reason={} attempts={} latencyMs={}", id, outcome.incidentId(),
                            outcome.receiver(), outcome.channel(), outcome.reason(), outcome.attempts(),
                            Duration.between(outcome.createdAt(), outcome.updatedAt()).toMillis());
                }
                case FAILED -> {
                    failed++;
                    pending.remove(id);
                    remember(id);
                    synchronized (recentlyFailed) {
                        recentlyFailed.addFirst(outcome);
                        while (recentlyFailed.size() > FAILED_MEMORY) {
                            recentlyFailed.removeLast();
                        }
                    }
                    log.error("service=alerting-outbox event=failed notification={} incident={} receiver={} "
                            + "attempts={} error=\"{}\"", id, outcome.incidentId(), outcome.receiver(),
                            outcome.attempts(), outcome.lastError());
                }
                case PENDING -> {
                    if (p != null) {
                        p.notification = outcome;
                        p.inFlight = false;
                    }
                    log.warn("service=alerting-outbox event=retry notification={} receiver={} attempts={} next={} "
                            + "error=\"{}\"", id, outcome.receiver(), outcome.attempts(), outcome.nextAttemptAt(),
                            outcome.lastError());
                }
            }
        }
    }

    /** Waits at most {@code wait} for the deliveries in flight on {@code partitions} and writes their outcomes. */
    private void finishInFlight(Collection<TopicPartition> partitions, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean inFlight = true;
        while (inFlight) {
            applyOutcomes();
            inFlight = pending.values().stream().anyMatch(p -> p.inFlight && partitions.contains(p.partition));
            if (inFlight && System.nanoTime() > deadline) {
                log.warn("service=alerting-outbox event=revoked-with-delivery-in-flight partitions={} "
                        + "note=\"the next owner may deliver it again, with the same idempotency key\"", partitions);
                break;
            }
            if (inFlight) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        producer.flush();
    }

    private void remember(String id) {
        if (finished.add(id)) {
            finishedOrder.addLast(id);
            if (finishedOrder.size() > FINISHED_MEMORY) {
                finished.remove(finishedOrder.removeFirst());
            }
        }
    }

    /** Commits, per partition, the offset of the oldest record still needed: the latest state of a pending one. */
    private void commit(boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            long position = consumer.position(tp);
            long needed = position;
            for (Pending p : pending.values()) {
                if (tp.equals(p.partition) && p.offset < needed) {
                    needed = p.offset;
                }
            }
            offsets.put(tp, new OffsetAndMetadata(needed));
        }
        if (offsets.isEmpty()) {
            return;
        }
        producer.flush(); // states written before the offsets that skip their predecessors
        if (sync) {
            consumer.commitSync(offsets, Duration.ofSeconds(2));
        } else {
            consumer.commitAsync(offsets, null);
        }
    }

    /** Waits until partitions are assigned and read to their end: from then on, new notifications go out at once. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The notifications given up most recently, newest first. */
    public List<Notification> recentlyFailed() {
        synchronized (recentlyFailed) {
            return new ArrayList<>(recentlyFailed);
        }
    }

    public long deliveredCount() {
        return delivered;
    }

    public long failedCount() {
        return failed;
    }

    @Override
    public void close() {
        running = false;
        ConsumerThreads.wakeAndJoin(consumer, thread, Duration.ofSeconds(5));
        if (workers != null) {
            workers.shutdownNow();
            try {
                workers.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
        log.info("service=alerting-outbox event=stopped delivered={} failed={}", delivered, failed);
    }
}
