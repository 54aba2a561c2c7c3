package io.vigie.dashboards.desk;

import io.vigie.dashboards.follow.TopicFollower;
import io.vigie.model.JsonSerde;
import io.vigie.model.MentionResponse;
import io.vigie.model.ResponseChange;
import io.vigie.model.Topics;
import io.vigie.runtime.connect.KafkaConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team's response state as this instance knows it, kept live from {@code mention.responses}, and the way the
 * web app changes it. Every instance follows the whole topic, so every screen shows the same state.
 *
 * <p>A change is written as the whole new state (the state this instance knows plus the change): the one record
 * compaction keeps rebuilds everything. Two instances writing from the same stale state both write a record
 * lacking the other's change; every reader merges them ({@link ResponseReducer#merge}), and once caught up, an
 * instance that knows more than the last record of a mention carries writes the merged state back, so the
 * compacted topic converges on the union too (several instances may write the same union: harmless).
 */
public final class ResponseDesk implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ResponseDesk.class);
    private static final Duration WRITE_WAIT = Duration.ofSeconds(10);

    /** Told of every state that changed, on the follower's thread: keep it quick. */
    public interface Listener {
        void changed(MentionResponse response);
    }

    private final JsonSerde<MentionResponse> serde = JsonSerde.of(MentionResponse.class);
    private final Map<String, MentionResponse> states = new ConcurrentHashMap<>();
    /** Version of the latest record read per mention: what compaction would keep. */
    private final Map<String, Long> lastRecordVersion = new ConcurrentHashMap<>();
    private final Set<String> touched = new HashSet<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final TopicFollower follower;
    private final KafkaProducer<String, byte[]> producer;

    public ResponseDesk(KafkaConnection kafka, TopicFollower follower) {
        this.follower = follower;
        var p = kafka.producerConfig();
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        follower.fromBeginning(Topics.MENTION_RESPONSES, this::take).afterEachBatch(this::repair);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public Optional<MentionResponse> response(String mentionId) {
        return Optional.ofNullable(states.get(mentionId));
    }

    public Collection<MentionResponse> responses() {
        return List.copyOf(states.values());
    }

    /**
     * Applies a person's change and waits until this instance has read it back, so the caller's next read shows
     * it. Returns the state after it (which may hold a teammate's concurrent change too).
     *
     * @throws IllegalArgumentException when the change does not say what it needs to
     */
    public MentionResponse change(String mentionId, String brand, Instant mentionAt, ResponseChange change) {
        MentionResponse next = ResponseReducer.apply(states.get(mentionId), mentionId, brand, mentionAt, change);
        RecordMetadata written = write(next);
        try {
            if (!follower.awaitRead(new TopicPartition(written.topic(), written.partition()), written.offset(),
                    WRITE_WAIT)) {
                log.warn("service=response-desk event=read-back-late mention={} change={}", mentionId,
                        change.changeId());
                return next;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return next;
        }
        return states.getOrDefault(mentionId, next);
    }

    private RecordMetadata write(MentionResponse state) {
        try {
            return producer.send(new ProducerRecord<>(Topics.MENTION_RESPONSES, state.mentionId(), serde.encode(state)))
                    .get(WRITE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the response of " + state.mentionId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write the response of " + state.mentionId() + ": " + e, e);
        }
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            states.remove(record.key());
            lastRecordVersion.remove(record.key());
            return;
        }
        MentionResponse incoming = serde.decode(record.value());
        MentionResponse before = states.get(incoming.mentionId());
        MentionResponse merged = ResponseReducer.merge(before, incoming);
        states.put(merged.mentionId(), merged);
        // The merge contains the record, so equal sizes mean the record already holds every known change.
        lastRecordVersion.put(merged.mentionId(), ResponseReducer.merge(null, incoming).version());
        touched.add(merged.mentionId());
        if (!merged.equals(before)) {
            for (Listener l : listeners) {
                l.changed(merged);
            }
        }
    }

    /** After a batch, once caught up: writes back the union where the topic's last record lacks a change. */
    private void repair(boolean caughtUp) {
        if (!caughtUp) {
            return;
        }
        for (String id : touched) {
            MentionResponse known = states.get(id);
            Long last = lastRecordVersion.get(id);
            if (known != null && last != null && last != known.version()) {
                log.info("service=response-desk event=merged-concurrent-changes mention={} version={}", id,
                        known.version());
                producer.send(new ProducerRecord<>(Topics.MENTION_RESPONSES, id, serde.encode(known)));
            }
        }
        touched.clear();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
