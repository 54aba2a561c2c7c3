package io.vigie.alerting;

import io.vigie.model.IncidentEvent;
import io.vigie.model.JsonSerde;
import io.vigie.model.Notification;
import io.vigie.model.Silence;
import io.vigie.model.Topics;
import io.vigie.runtime.connect.KafkaConnection;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes incidents, notifications and silences with an idempotent producer (acks=all). */
public final class KafkaAlertSink implements AlertSink, AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final JsonSerde<IncidentEvent> incidents = JsonSerde.of(IncidentEvent.class);
    private final JsonSerde<Notification> notifications = JsonSerde.of(Notification.class);
    private final JsonSerde<Silence> silences = JsonSerde.of(Silence.class);

    public KafkaAlertSink(KafkaConnection kafka) {
        Properties p = kafka.producerConfig();
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void incident(IncidentEvent incident) {
        producer.send(new ProducerRecord<>(Topics.INCIDENTS, incident.incidentId(), incidents.encode(incident)));
    }

    @Override
    public void notification(Notification n) {
        producer.send(new ProducerRecord<>(Topics.NOTIFICATIONS, n.notificationId(), notifications.encode(n)));
    }

    @Override
    public void silence(String silenceId, Silence silence) {
        producer.send(new ProducerRecord<>(Topics.SILENCES, silenceId, silence == null ? null : silences.encode(silence)));
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
