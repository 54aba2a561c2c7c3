package io.vigie.ingest.state;

import io.vigie.runtime.service.ConsumerThreads;
import io.vigie.ingest.poll.IngestEngine;
import io.vigie.ingest.publish.KafkaSink;
import io.vigie.model.IngestState;
import io.vigie.model.JsonSerde;
import io.vigie.model.Topics;
import io.vigie.model.UndecodableRecordException;
import io.vigie.runtime.connect.KafkaConnection;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest consumer group's member on {@code ingest.state}. The partitions the group assigns this instance are
 * the feeds it owns: on assignment it re-reads them from the start (read-committed, so aborted polls leave no
 * trace), restores sources and seen-state into the engine, and marks them ready once caught up; on revocation it
 * drops them. Source changes written later (by {@code vigie sources}) arrive through the same subscription.
 */
public final class StateConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateConsumer.class);
    public static final String GROUP_ID = "vigie-ingest";
    /** A change notice older than this when read (e.g. at restore) is ignored: the feed was polled since. */
    static final long CHANGED_NOTICE_FRESH_MS = 60_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final IngestEngine engine;
    private final JsonSerde<IngestState> serde = JsonSerde.of(IngestState.class);
    private final Map<TopicPartition, Long> restoreTargets = new ConcurrentHashMap<>();
    private final Set<Integer> readyPartitions = ConcurrentHashMap.newKeySet();
    private volatile Map<TopicPartition, OffsetAndMetadata> positions = Map.of();
    private volatile ConsumerGroupMetadata groupMetadata;
    private final Thread thread;
    private volatile boolean running = true;

    public StateConsumer(KafkaConnection kafka, String instanceId, IngestEngine engine) {
        Properties p = kafka.consumerConfig();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "vigie-ingest-state-" + instanceId);
        // Static membership: a restarted instance takes its feeds back at once instead of waiting for a rebalance;
        // a crashed one's feeds move to the others after the session timeout.
        p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "vigie-ingest-" + instanceId);
        p.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "15000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(p);
        this.engine = engine;
        this.thread = new Thread(this::run, "vigie-ingest-state");
        this.thread.setDaemon(true);
    }

    /** The consumer, for its Kafka client metrics (fetch rates, lag, rebalances). */
    public org.apache.kafka.clients.consumer.Consumer<?, ?> consumer() {
        return consumer;
    }

    public void start() {
        thread.start();
    }

    /** The view the sink needs, safe to read from other threads. */
    public KafkaSink.GroupView view() {
        Map<TopicPartition, OffsetAndMetadata> pos = positions;
        ConsumerGroupMetadata meta = groupMetadata;
        return new KafkaSink.GroupView() {
            @Override
            public Map<TopicPartition, OffsetAndMetadata> positions() {
                return pos;
            }

            @Override
            public ConsumerGroupMetadata groupMetadata() {
                return meta;
            }
        };
    }

    public Set<Integer> readyPartitions() {
        return Set.copyOf(readyPartitions);
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.INGEST_STATE), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    release(partitions, "revoked");
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    release(partitions, "lost");
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (partitions.isEmpty()) {
                        return;
                    }
                    consumer.seekToBeginning(partitions);
                    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                    restoreTargets.putAll(ends);
                    LOG.info("event=partitions_assigned topic={} partitions={}", Topics.INGEST_STATE,
                            partitions.stream().map(TopicPartition::partition).sorted().toList());
                }
            });
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                checkRestored();
                Map<TopicPartition, OffsetAndMetadata> pos = new HashMap<>();
                for (TopicPartition tp : consumer.assignment()) {
                    pos.put(tp, new OffsetAndMetadata(consumer.position(tp)));
                }
                positions = Map.copyOf(pos);
                groupMetadata = consumer.groupMetadata();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("event=state_consumer_failed error={}", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void release(Collection<TopicPartition> partitions, String why) {
        Set<Integer> numbers = new HashSet<>();
        for (TopicPartition tp : partitions) {
            numbers.add(tp.partition());
            restoreTargets.remove(tp);
            readyPartitions.remove(tp.partition());
        }
        engine.drop(numbers::contains);
        LOG.info("event=partitions_{} topic={} partitions={}", why, Topics.INGEST_STATE, numbers);
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        String key = record.key();
        if (key == null) {
            return;
        }
        String url = StateKeys.urlOf(key);
        if (key.startsWith(StateKeys.SOURCE_PREFIX)) {
            if (record.value() == null) {
                engine.removeSource(url);
                return;
            }
            IngestState state = decode(record);
            if (state != null && state.source() != null) {
                engine.upsertSource(state.source());
            }
        } else if (key.startsWith(StateKeys.CHANGED_PREFIX)) {
            // Only a fresh notice: the same records read again at restore are history, not news.
            if (System.currentTimeMillis() - record.timestamp() < CHANGED_NOTICE_FRESH_MS) {
                engine.pollSoon(url);
            }
        } else if (key.startsWith(StateKeys.FEED_PREFIX) && record.value() != null
                && !readyPartitions.contains(record.partition())) {
            IngestState state = decode(record);
            if (state != null && state.feed() != null) {
                engine.restoreState(state.feed());
            }
        }
    }

    private IngestState decode(ConsumerRecord<String, byte[]> record) {
        try {
            return serde.decode(record.value());
        } catch (UndecodableRecordException e) {
            LOG.warn("event=state_record_unreadable partition={} offset={} key={} reason=\"{}\"", record.partition(),
                    record.offset(), record.key(), e.getMessage());
            return null;
        }
    }

    private void checkRestored() {
        for (var entry : Map.copyOf(restoreTargets).entrySet()) {
            TopicPartition tp = entry.getKey();
            if (consumer.assignment().contains(tp) && consumer.position(tp) >= entry.getValue()) {
                restoreTargets.remove(tp);
                readyPartitions.add(tp.partition());
                engine.markReady(partition -> partition == tp.partition());
                LOG.info("event=partition_restored topic={} partition={} offset={}", Topics.INGEST_STATE,
                        tp.partition(), entry.getValue());
            }
        }
        // sources added after restore are ready as soon as they arrive
        if (!readyPartitions.isEmpty()) {
            engine.markReady(readyPartitions::contains);
        }
    }

    @Override
    public void close() {
        running = false;
        ConsumerThreads.wakeAndJoin(consumer, thread, Duration.ofSeconds(10));
    }
}
