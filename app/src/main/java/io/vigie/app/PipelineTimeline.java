package io.vigie.app;

import io.vigie.runtime.service.ConsumerThreads;
import io.vigie.model.BrandStats;
import io.vigie.model.IncidentEvent;
import io.vigie.model.JsonSerde;
import io.vigie.model.Notification;
import io.vigie.model.RawMention;
import io.vigie.model.ScoredMention;
import io.vigie.model.SpikeSignal;
import io.vigie.model.Topics;
import io.vigie.runtime.connect.KafkaConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What {@code vigie bench pipeline} sees of each topic between the feed and the webhook: every record, with its
 * record timestamp (when the producing stage sent it) and when it became visible to a read-committed reader (this
 * one, polling continuously), so a latency can be split hop by hop. One thread, one consumer assigned to every
 * partition of the six topics.
 */
public final class PipelineTimeline implements AutoCloseable {
    /** A record as seen: its value, its record timestamp, and when this reader got it (epoch ms). */
    public record Seen<T>(T value, long recordMs, long seenMs) {}

    private static final List<String> TOPICS = List.of(Topics.MENTIONS_RAW, Topics.MENTIONS_SCORED,
            Topics.BRAND_STATS, Topics.SIGNALS, Topics.INCIDENTS, Topics.NOTIFICATIONS);

    /** First version seen, by title (the bench's feeds give every item a unique title). */
    public final Map<String, Seen<RawMention>> raw = new ConcurrentHashMap<>();
    public final Map<String, Seen<ScoredMention>> scored = new ConcurrentHashMap<>();
    /** The first scored version of each mention by its URL: what follows a crawled comment, which has no title. */
    public final Map<String, Seen<ScoredMention>> scoredByUrl = new ConcurrentHashMap<>();
    /** One-minute windows only. */
    public final Queue<Seen<BrandStats>> minuteStats = new ConcurrentLinkedQueue<>();
    public final Queue<Seen<SpikeSignal>> signals = new ConcurrentLinkedQueue<>();
    public final Queue<Seen<IncidentEvent>> incidents = new ConcurrentLinkedQueue<>();
    public final Queue<Seen<Notification>> notifications = new ConcurrentLinkedQueue<>();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    public PipelineTimeline(KafkaConnection kafka) {
        Properties p = kafka.consumerConfig();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = new ArrayList<>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic).forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
        }
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        thread = new Thread(this::run, "bench-pipeline-timeline");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        JsonSerde<RawMention> rawSerde = JsonSerde.of(RawMention.class);
        JsonSerde<ScoredMention> scoredSerde = JsonSerde.of(ScoredMention.class);
        JsonSerde<BrandStats> statsSerde = JsonSerde.of(BrandStats.class);
        JsonSerde<SpikeSignal> signalSerde = JsonSerde.of(SpikeSignal.class);
        JsonSerde<IncidentEvent> incidentSerde = JsonSerde.of(IncidentEvent.class);
        JsonSerde<Notification> notificationSerde = JsonSerde.of(Notification.class);
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(50));
                long seen = System.currentTimeMillis();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (r.value() == null) {
                        continue;
                    }
                    long at = r.timestamp();
                    switch (r.topic()) {
                        case Topics.MENTIONS_RAW -> {
                            RawMention m = rawSerde.decode(r.value());
                            raw.putIfAbsent(String.valueOf(m.title()), new Seen<>(m, at, seen));
                        }
                        case Topics.MENTIONS_SCORED -> {
                            ScoredMention m = scoredSerde.decode(r.value());
                            scored.putIfAbsent(String.valueOf(m.mention().title()), new Seen<>(m, at, seen));
                            if (m.mention().url() != null) {
                                scoredByUrl.putIfAbsent(m.mention().url(), new Seen<>(m, at, seen));
                            }
                        }
                        case Topics.BRAND_STATS -> {
                            BrandStats s = statsSerde.decode(r.value());
                            if (s.window().equals("PT1M")) {
                                minuteStats.add(new Seen<>(s, at, seen));
                            }
                        }
                        case Topics.SIGNALS -> signals.add(new Seen<>(signalSerde.decode(r.value()), at, seen));
                        case Topics.INCIDENTS -> incidents.add(new Seen<>(incidentSerde.decode(r.value()), at, seen));
                        case Topics.NOTIFICATIONS ->
                                notifications.add(new Seen<>(notificationSerde.decode(r.value()), at, seen));
                        default -> { }
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    /** Throws what stopped the reader, if anything did: figures from a dead reader would be wrong. */
    public void check() {
        if (failure != null) {
            throw new IllegalStateException("the bench's topic reader stopped: " + failure, failure);
        }
    }

    @Override
    public void close() {
        running = false;
        ConsumerThreads.wakeAndJoin(consumer, thread, Duration.ofSeconds(10));
    }
}
