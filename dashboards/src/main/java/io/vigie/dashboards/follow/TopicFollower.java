package io.vigie.dashboards.follow;

import io.vigie.model.DeadLetter;
import io.vigie.model.JsonSerde;
import io.vigie.model.Topics;
import io.vigie.model.UndecodableRecordException;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.ConsumerThreads;
import io.vigie.runtime.service.VigieService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * Reads every partition of some topics without a consumer group (each instance reads everything), committed
 * records only, and hands each record to its topic's handler on the follower's one thread. Compacted state topics
 * are read from their beginning, so a restarted instance rebuilds its view; topics of passing messages (answers
 * to actions) from their end. A record a handler cannot decode goes to {@code deadletter} with the reason.
 */
public final class TopicFollower implements VigieService {
    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);

    /** What to do with one record (a null value is a tombstone); throws {@link UndecodableRecordException}. */
    public interface Handler {
        void take(ConsumerRecord<String, byte[]> record);
    }

    /** Called on the follower's thread after each batch of records and once it has read what existed at start. */
    public interface BatchListener {
        void afterBatch(boolean caughtUp);
    }

    private record Followed(String topic, boolean fromBeginning, Handler handler) {}

    private final String name;
    private final KafkaConnection kafka;
    private final Clock clock;
    private final Map<String, Followed> followed = new LinkedHashMap<>();
    private final List<BatchListener> batchListeners = new ArrayList<>();
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final JsonSerde<DeadLetter> deadLetters = JsonSerde.of(DeadLetter.class);
    private volatile boolean running;
    private volatile boolean caughtUp;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> deadLetterProducer;

    public TopicFollower(String name, KafkaConnection kafka, Clock clock) {
        this.name = name;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Follows a state topic from its beginning. Call before {@link #start()}. */
    public TopicFollower fromBeginning(String topic, Handler handler) {
        followed.put(topic, new Followed(topic, true, handler));
        return this;
    }

    /** Follows a topic from its end: only what is written after the start. Call before {@link #start()}. */
    public TopicFollower fromEnd(String topic, Handler handler) {
        followed.put(topic, new Followed(topic, false, handler));
        return this;
    }

    public TopicFollower afterEachBatch(BatchListener listener) {
        batchListeners.add(listener);
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(kafka.consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer());
        deadLetterProducer = new KafkaProducer<>(kafka.producerConfig(), new StringSerializer(),
                new ByteArraySerializer());
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            List<TopicPartition> fromStart = new ArrayList<>();
            List<TopicPartition> all = new ArrayList<>();
            for (Followed f : followed.values()) {
                List<TopicPartition> partitions = consumer.partitionsFor(f.topic(), Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(f.topic(), p.partition())).toList();
                all.addAll(partitions);
                if (f.fromBeginning()) {
                    fromStart.addAll(partitions);
                }
            }
            consumer.assign(all);
            List<TopicPartition> fromEnd = all.stream().filter(tp -> !fromStart.contains(tp)).toList();
            // An empty list would mean every assigned partition to both calls.
            if (!fromStart.isEmpty()) {
                consumer.seekToBeginning(fromStart);
            }
            if (!fromEnd.isEmpty()) {
                consumer.seekToEnd(fromEnd);
            }
            Map<TopicPartition, Long> startEnd = consumer.endOffsets(fromStart);
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, byte[]> r : records) {
                    take(r);
                }
                synchronized (positions) {
                    for (TopicPartition tp : all) {
                        positions.put(tp, consumer.position(tp));
                    }
                    positions.notifyAll();
                }
                boolean wasCaughtUp = caughtUp;
                if (!caughtUp && reached(startEnd)) {
                    caughtUp = true;
                    log.info("service={} event=caught-up topics={}", name, followed.keySet());
                    ready.countDown();
                }
                if (!records.isEmpty() || caughtUp != wasCaughtUp) {
                    for (BatchListener l : batchListeners) {
                        l.afterBatch(caughtUp);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("service={} event=crashed error=\"{}\"", name, e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private void take(ConsumerRecord<String, byte[]> r) {
        try {
            followed.get(r.topic()).handler().take(r);
        } catch (UndecodableRecordException e) {
            deadLetterProducer.send(new ProducerRecord<>(Topics.DEADLETTER, r.key(), deadLetters.encode(
                    DeadLetter.ofRecord(name, r, e, clock.instant()))));
            log.warn("service={} event=deadletter topic={} partition={} offset={} reason=\"{}\"", name, r.topic(),
                    r.partition(), r.offset(), e.getMessage());
        }
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        synchronized (positions) {
            for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                if (positions.getOrDefault(e.getKey(), -1L) < e.getValue()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Waits until what existed at start was read: the view is complete from then on. */
    @Override
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isCaughtUp() {
        return caughtUp;
    }

    /** Waits until the record at {@code offset} of that partition was handed to its handler. */
    public boolean awaitRead(TopicPartition partition, long offset, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (positions) {
            while (positions.getOrDefault(partition, -1L) <= offset) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running) {
                    return false;
                }
                positions.wait(Math.max(1, Math.min(200, left / 1_000_000)));
            }
            return true;
        }
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
