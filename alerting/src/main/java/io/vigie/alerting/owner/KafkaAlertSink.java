package io.vigie.alerting.owner;

import io.vigie.alerting.owner.AlertSink;

import io.vigie.model.IncidentCommand;
import io.vigie.model.IncidentEvent;
import io.vigie.model.JsonSerde;
import io.vigie.model.Notification;
import io.vigie.model.Silence;
import io.vigie.model.Topics;
import io.vigie.runtime.connect.KafkaConnection;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the owner's changes in Kafka transactions: an incident, the notifications planned with it (whose
 * "notified" entries are in its history), the answers to people's actions and the consumed offsets of
 * {@code signals} and {@code incident.actions} become visible together or not at all. A crash between two writes
 * therefore never leaves a notification recorded as sent but missing from the outbox (lost) nor one in the outbox
 * but not recorded (sent twice by the next owner), and the offsets committed with the group's generation fence an
 * instance that lost its partitions but has not noticed yet. Silences are written apart, at once (API thread).
 */
public final class KafkaAlertSink implements AlertSink, AutoCloseable {
    /** An open transaction of a killed instance blocks readers of its partitions until the broker aborts it. */
    private static final int TRANSACTION_TIMEOUT_MS = 10_000;

    private final KafkaConnection kafka;
    private final String transactionalId;
    private final KafkaProducer<String, byte[]> silencesProducer;
    private final JsonSerde<IncidentEvent> incidents = JsonSerde.of(IncidentEvent.class);
    private final JsonSerde<Notification> notifications = JsonSerde.of(Notification.class);
    private final JsonSerde<Silence> silences = JsonSerde.of(Silence.class);
    private final JsonSerde<IncidentCommand> commands = JsonSerde.of(IncidentCommand.class);
    private KafkaProducer<String, byte[]> producer;
    private boolean inTransaction;

    public KafkaAlertSink(KafkaConnection kafka, String transactionalId) {
        this.kafka = kafka;
        this.transactionalId = transactionalId;
        Properties p = kafka.producerConfig();
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.silencesProducer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Creates the transactional producer; called by the owner's thread before its first write. */
    public synchronized void open() {
        Properties p = kafka.producerConfig();
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
        inTransaction = false;
    }

    private void begin() {
        if (producer == null) {
            throw new IllegalStateException("the alert sink was not opened (only the owner's thread writes)");
        }
        if (!inTransaction) {
            producer.beginTransaction();
            inTransaction = true;
        }
    }

    @Override
    public synchronized void incident(IncidentEvent incident) {
        begin();
        producer.send(new ProducerRecord<>(Topics.INCIDENTS, incident.incidentId(), incidents.encode(incident)));
    }

    @Override
    public synchronized void notification(Notification n) {
        begin();
        producer.send(new ProducerRecord<>(Topics.NOTIFICATIONS, n.notificationId(), notifications.encode(n)));
    }

    @Override
    public synchronized void answer(IncidentCommand answer) {
        begin();
        producer.send(new ProducerRecord<>(Topics.INCIDENT_ACTIONS, answer.brand(), commands.encode(answer)));
    }

    @Override
    public void silence(String silenceId, Silence silence) {
        try {
            silencesProducer.send(new ProducerRecord<>(Topics.SILENCES, silenceId,
                    silence == null ? null : silences.encode(silence))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing silence " + silenceId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write silence " + silenceId + ": " + e.getCause(), e.getCause());
        }
    }

    /** Within a transaction, only sends: what is written becomes visible at {@link #commit}. */
    @Override
    public void flush() {}

    /**
     * Commits what was written since the last commit together with the consumed offsets, fenced by the group's
     * generation. Does nothing when nothing was written and there are no offsets.
     */
    public synchronized void commit(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        if (!inTransaction && offsets.isEmpty()) {
            return;
        }
        begin();
        if (!offsets.isEmpty()) {
            producer.sendOffsetsToTransaction(offsets, group);
        }
        producer.commitTransaction();
        inTransaction = false;
    }

    /** Abandons the open transaction; when the producer itself is unusable (fenced), makes a new one. */
    public synchronized void abort() {
        if (!inTransaction) {
            return;
        }
        inTransaction = false;
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            open();
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
        silencesProducer.close(Duration.ofSeconds(2));
    }
}
