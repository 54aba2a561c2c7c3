package io.vigie.ingest.publish;

import io.vigie.ingest.poll.PollOutcome;
import io.vigie.ingest.poll.PollSink;
import io.vigie.ingest.state.StateKeys;
import io.vigie.model.DeadLetter;
import io.vigie.model.IngestState;
import io.vigie.model.JsonSerde;
import io.vigie.model.RawMention;
import io.vigie.model.Topics;
import io.vigie.runtime.connect.KafkaConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka side of ingest. Polls hand their outcomes to one committer thread that batches them into a
 * transaction (mentions, dead letters, feed states), adds the state consumer's positions with its group metadata
 * (so a zombie instance's transaction is refused by the broker) and commits; each poll learns whether its outcome
 * was committed. A restarted instance with the same transactional id aborts whatever its predecessor left open.
 */
public final class KafkaSink implements PollSink {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);
    private static final int MAX_BATCH = 500;

    /** What the sink needs from the ingest.state consumer: positions and group metadata, read on its thread. */
    public interface GroupView {
        Map<TopicPartition, OffsetAndMetadata> positions();

        ConsumerGroupMetadata groupMetadata();
    }

    private record Pending(String feedUrl, PollOutcome outcome, CompletableFuture<Void> done) {}

    private final KafkaProducer<String, byte[]> producer;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Supplier<GroupView> group;
    private final int statePartitions;
    private final JsonSerde<RawMention> mentions = JsonSerde.of(RawMention.class);
    private final JsonSerde<DeadLetter> deadLetters = JsonSerde.of(DeadLetter.class);
    private final JsonSerde<IngestState> states = JsonSerde.of(IngestState.class);
    private final Thread committer;
    private volatile boolean running = true;
    private volatile Exception fatal;

    public KafkaSink(KafkaConnection kafka, String transactionalId, long transactionTimeoutMillis,
                     int statePartitions, Supplier<GroupView> group) {
        Properties p = kafka.producerConfig();
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) transactionTimeoutMillis);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
        this.producer.initTransactions(); // aborts a transaction a killed predecessor left open
        this.group = group;
        this.statePartitions = statePartitions;
        this.committer = new Thread(this::run, "vigie-ingest-commit");
        this.committer.setDaemon(true);
        this.committer.start();
    }

    /** The transactional producer, for its Kafka client metrics (send rates, errors, transaction times). */
    public org.apache.kafka.clients.producer.Producer<?, ?> producer() {
        return producer;
    }

    @Override
    public void commit(String feedUrl, PollOutcome outcome) throws Exception {
        if (fatal != null) {
            throw new IllegalStateException("the ingest producer stopped: " + fatal.getMessage(), fatal);
        }
        Pending pending = new Pending(feedUrl, outcome, new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.done().get(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /** Writes a source definition (or its removal, when {@code source} is null) outside any poll. */
    public static ProducerRecord<String, byte[]> sourceRecord(String url, IngestState.Source source, int partitions) {
        byte[] value = source == null ? null : JsonSerde.of(IngestState.class).encode(IngestState.of(source));
        return new ProducerRecord<>(Topics.INGEST_STATE, StateKeys.partitionOf(url, partitions),
                StateKeys.sourceKey(url), value);
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commitBatch(batch);
                batch.forEach(p -> p.done().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(p -> p.done().completeExceptionally(e));
                return;
            } catch (ProducerFencedException e) {
                fatal = e;
                LOG.error("event=producer_fenced error=\"{}\" hint=\"another instance with the same id took over\"",
                        e.getMessage());
                batch.forEach(p -> p.done().completeExceptionally(e));
                queue.forEach(p -> p.done().completeExceptionally(e));
                return;
            } catch (RuntimeException e) {
                try {
                    producer.abortTransaction();
                } catch (RuntimeException abortFailure) {
                    LOG.warn("event=abort_failed error={}", abortFailure.toString());
                }
                LOG.warn("event=transaction_aborted polls={} error={}", batch.size(), e.toString());
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
        }
    }

    private void commitBatch(List<Pending> batch) {
        producer.beginTransaction();
        for (Pending p : batch) {
            for (RawMention m : p.outcome().mentions()) {
                producer.send(new ProducerRecord<>(Topics.MENTIONS_RAW, m.id(), mentions.encode(m)));
            }
            for (DeadLetter d : p.outcome().deadLetters()) {
                producer.send(new ProducerRecord<>(Topics.DEADLETTER, d.key(), deadLetters.encode(d)));
            }
            producer.send(new ProducerRecord<>(Topics.INGEST_STATE, StateKeys.partitionOf(p.feedUrl(), statePartitions),
                    StateKeys.feedKey(p.feedUrl()), states.encode(IngestState.of(p.outcome().feedState()))));
            for (IngestState.Source found : p.outcome().discovered()) {
                // threads found on a forum index become sources in the same transaction as the index's state
                producer.send(sourceRecord(found.url(), found, statePartitions));
            }
            for (String url : p.outcome().changed()) {
                // an article whose sitemap lastmod moved: the same notice as a push, read by the instance owning it
                producer.send(new ProducerRecord<>(Topics.INGEST_STATE, StateKeys.partitionOf(url, statePartitions),
                        StateKeys.changedKey(url), null));
            }
        }
        GroupView view = group == null ? null : group.get();
        if (view != null && view.groupMetadata() != null && !view.positions().isEmpty()) {
            producer.sendOffsetsToTransaction(view.positions(), view.groupMetadata());
        }
        producer.commitTransaction();
    }

    @Override
    public void close() {
        running = false;
        try {
            committer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            producer.close(java.time.Duration.ofSeconds(10));
        } catch (KafkaException e) {
            LOG.warn("event=producer_close_failed error={}", e.toString());
        }
    }
}
