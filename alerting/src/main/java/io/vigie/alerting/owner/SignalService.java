package io.vigie.alerting.owner;

import io.vigie.alerting.desk.IncidentFollower;
import io.vigie.alerting.owner.IncidentRouter;
import io.vigie.alerting.owner.KafkaAlertSink;

import io.vigie.runtime.service.ConsumerThreads;
import io.vigie.model.DeadLetter;
import io.vigie.model.IncidentCommand;
import io.vigie.model.IncidentEvent;
import io.vigie.model.JsonSerde;
import io.vigie.model.SpikeSignal;
import io.vigie.model.Topics;
import io.vigie.model.UndecodableRecordException;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.metrics.StageMetrics;
import io.vigie.runtime.service.VigieService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner side of alerting. Signals are keyed by brand, so the instance the consumer group gives partition p of
 * {@code signals} owns the brands of that partition: it alone opens, updates, escalates, repeats and resolves
 * their incidents. People's actions go to {@code incident.actions}, keyed by brand with as many partitions, and the
 * range assignor gives partition p of both topics to the same instance, so the owner also applies every action
 * on its brands, wherever the HTTP call arrived.
 *
 * <p>When it is given partitions (start, another instance joining, leaving or killed), it waits for its
 * {@link IncidentFollower} to have read {@code incidents} up to the end seen at that moment, then rebuilds its
 * incidents from there: the previous owner's last committed word. Each batch of signals and actions, and each tick
 * that writes (resolve, send what waited, repeat, escalate), is one Kafka transaction with the consumed offsets,
 * so a kill in the middle leaves nothing half-written and the next owner neither repeats nor skips a message.
 */
public final class SignalService implements VigieService {
    private static final Logger log = LoggerFactory.getLogger(SignalService.class);
    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(60);
    /** A transaction slower than this is logged: the broker is starved or far, and alerts wait for it. */
    private static final long SLOW_COMMIT_MS = 100;

    private final KafkaConnection kafka;
    private final String groupId;
    private final IncidentRouter router;
    private final IncidentFollower follower;
    private final KafkaAlertSink sink;
    private final Duration tickInterval;
    private final Clock clock;
    private final JsonSerde<SpikeSignal> signals = JsonSerde.of(SpikeSignal.class);
    private final JsonSerde<IncidentCommand> commands = JsonSerde.of(IncidentCommand.class);
    private final JsonSerde<DeadLetter> deadLetters = JsonSerde.of(DeadLetter.class);
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Set<Integer> owned = new HashSet<>();
    private final Set<String> misplacedBrands = new HashSet<>();
    private volatile boolean running;
    private volatile boolean rebuildNeeded;
    private volatile Set<Integer> ownedView = Set.of();
    private int signalPartitions;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> deadLetterProducer;

    /** Kafka client metrics of the consumer, bound while it runs; null without a registry (tests). */
    private final StageMetrics metrics;
    private KafkaClientMetrics consumerMetrics;

    public SignalService(KafkaConnection kafka, String groupId, IncidentRouter router, IncidentFollower follower,
            KafkaAlertSink sink, Duration tickInterval, Clock clock) {
        this(kafka, groupId, router, follower, sink, tickInterval, clock, null);
    }

    /** As above, binding the consumer's Kafka client metrics (fetch rates, lag, rebalances) in {@code metrics}. */
    public SignalService(KafkaConnection kafka, String groupId, IncidentRouter router, IncidentFollower follower,
            KafkaAlertSink sink, Duration tickInterval, Clock clock, StageMetrics metrics) {
        this.metrics = metrics;
        this.kafka = kafka;
        this.groupId = groupId;
        this.router = router;
        this.follower = follower;
        this.sink = sink;
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
        c.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        // Range gives partition p of signals and of incident.actions to the same member: the co-partitioning
        // that makes the owner of a brand's signals the one that applies its actions.
        c.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        // A killed owner's brands are taken over after this long without heartbeat (the broker's default is 45 s).
        c.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        c.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        signalPartitions = consumer.partitionsFor(Topics.SIGNALS).size();
        int actionPartitions = consumer.partitionsFor(Topics.INCIDENT_ACTIONS).size();
        if (signalPartitions != actionPartitions) {
            consumer.close(Duration.ZERO);
            throw new IllegalStateException("topic " + Topics.INCIDENT_ACTIONS + " has " + actionPartitions
                    + " partitions but " + Topics.SIGNALS + " has " + signalPartitions
                    + ": they must be equal, so the owner of a brand's signals also receives its actions");
        }
        deadLetterProducer = new KafkaProducer<>(kafka.producerConfig(), new StringSerializer(),
                new ByteArraySerializer());
        if (metrics != null) {
            consumerMetrics = metrics.kafkaClient(consumer);
        }
        running = true;
        thread = new Thread(this::run, "alerting-signals");
        thread.start();
    }

    /** Waits until this instance was given its partitions and rebuilt the incidents of its brands. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The {@code signals} partitions (brands) this instance owns now. */
    public Set<Integer> ownedPartitions() {
        return ownedView;
    }

    /** The {@code signals} partition of a brand: where the brand-keyed producer (analyze) puts its signals. */
    public static int partitionOf(String brand, int partitions) {
        return Utils.toPositive(Utils.murmur2(brand.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private void run() {
        try {
            sink.open();
            if (!follower.awaitReady(CATCH_UP_WAIT)) {
                throw new IllegalStateException("the incidents topic was not read within " + CATCH_UP_WAIT);
            }
            consumer.subscribe(List.of(Topics.SIGNALS, Topics.INCIDENT_ACTIONS), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Nothing is open here: every batch is committed before the next poll.
                    partitions.stream().filter(tp -> tp.topic().equals(Topics.SIGNALS))
                            .forEach(tp -> owned.remove(tp.partition()));
                    ownedView = Set.copyOf(owned);
                    rebuildNeeded = true;
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    partitions.stream().filter(tp -> tp.topic().equals(Topics.SIGNALS))
                            .forEach(tp -> owned.add(tp.partition()));
                    ownedView = Set.copyOf(owned);
                    rebuild();
                    ready.countDown();
                }
            });
            long nextTick = 0;
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(50));
                if (rebuildNeeded) {
                    rebuild();
                }
                try {
                    if (!records.isEmpty()) {
                        process(records);
                    }
                    if (System.nanoTime() >= nextTick) {
                        router.tick();
                        nextTick = System.nanoTime() + tickInterval.toNanos();
                    }
                    long commitStart = System.nanoTime();
                    sink.commit(offsets(records), consumer.groupMetadata());
                    long commitMs = (System.nanoTime() - commitStart) / 1_000_000;
                    if (commitMs >= SLOW_COMMIT_MS) {
                        log.warn("service=alerting-signals event=slow-commit ms={} records={}", commitMs,
                                records.count());
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    // Fenced (this instance lost its partitions meanwhile) or the broker refused: nothing of the
                    // batch is visible, so forget it and start again from the last committed state.
                    log.warn("service=alerting-signals event=transaction-aborted error=\"{}\"", e.toString());
                    sink.abort();
                    rewind();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                log.error("service=alerting-signals event=crashed error=\"{}\"", e.toString(), e);
            } else {
                log.info("service=alerting-signals event=stopped-while-rebalancing error=\"{}\"", e.toString());
            }
        } finally {
            try {
                sink.abort();
            } catch (RuntimeException e) {
                log.debug("service=alerting-signals event=abort-on-close error=\"{}\"", e.toString());
            }
            if (consumerMetrics != null) {
                consumerMetrics.close();
            }
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private void process(ConsumerRecords<String, byte[]> records) {
        List<SpikeSignal> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> r : records.records(Topics.SIGNALS)) {
            try {
                SpikeSignal s = signals.decode(r.value());
                if (partitionOf(s.brand(), signalPartitions) != r.partition() && misplacedBrands.add(s.brand())) {
                    log.warn("service=alerting-signals event=signal-not-keyed-by-brand brand={} partition={} "
                            + "hint=\"signals must be keyed by brand id, or another instance may own the brand\"",
                            s.brand(), r.partition());
                }
                batch.add(s);
            } catch (UndecodableRecordException e) {
                deadLetter(r, e);
            }
        }
        if (!batch.isEmpty()) {
            router.onSignals(batch);
        }
        for (ConsumerRecord<String, byte[]> r : records.records(Topics.INCIDENT_ACTIONS)) {
            try {
                IncidentCommand command = commands.decode(r.value());
                if (!command.isAnswer()) {
                    router.apply(command);
                }
            } catch (UndecodableRecordException e) {
                deadLetter(r, e);
            }
        }
    }

    /** The offsets to commit: where this consumer stands on every partition it read in this batch. */
    private Map<TopicPartition, OffsetAndMetadata> offsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> list = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
        }
        return offsets;
    }

    /**
     * Takes the incidents of the owned brands as the {@code incidents} topic has them once everything committed so
     * far is read (the end offset under read_committed is the last stable offset: a killed owner's open
     * transaction is aborted by the broker within the transaction timeout, then its partitions read on).
     */
    private void rebuild() {
        rebuildNeeded = false;
        List<TopicPartition> parts = consumer.partitionsFor(Topics.INCIDENTS).stream()
                .map(p -> new TopicPartition(Topics.INCIDENTS, p.partition())).toList();
        Map<TopicPartition, Long> end = consumer.endOffsets(parts);
        try {
            if (!follower.awaitCaughtUp(end, CATCH_UP_WAIT, () -> running)) {
                if (!running) {
                    throw new WakeupException(); // stopping: leave the poll loop
                }
                throw new IllegalStateException("the incidents topic was not read up to " + end + " within "
                        + CATCH_UP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while catching up on incidents", e);
        }
        Set<Integer> mine = Set.copyOf(owned);
        List<IncidentEvent> ours = follower.incidents().stream()
                .filter(i -> mine.contains(partitionOf(i.brand(), signalPartitions))).toList();
        router.replaceOwned(ours);
        log.info("service=alerting-signals event=owned partitions={} incidents={}", new java.util.TreeSet<>(mine),
                ours.size());
    }

    /** After an aborted transaction: back to the last committed offsets and the incidents as committed. */
    private void rewind() {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
        for (TopicPartition tp : assigned) {
            OffsetAndMetadata at = committed.get(tp);
            if (at != null) {
                consumer.seek(tp, at.offset());
            } else {
                consumer.seekToBeginning(List.of(tp));
            }
        }
        rebuild();
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
        ConsumerThreads.wakeAndJoin(consumer, thread, Duration.ofSeconds(5));
        if (deadLetterProducer != null) {
            deadLetterProducer.close(Duration.ofSeconds(1));
        }
        sink.close();
    }
}
