package io.vigie.dashboards.desk;

import io.vigie.dashboards.follow.TopicFollower;
import io.vigie.model.JsonSerde;
import io.vigie.model.ReplyTemplate;
import io.vigie.model.Topics;
import io.vigie.runtime.connect.KafkaConnection;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

/**
 * Reply templates per brand and language, durable on the compacted {@code reply.templates} topic (chosen over an
 * Elasticsearch index so that every instance follows edits live the same way as responses, and the wording
 * survives a re-index). Saving and deleting are for admins: the web layer checks the role before calling.
 */
public final class ReplyTemplates implements AutoCloseable {
    private static final Duration WRITE_WAIT = Duration.ofSeconds(10);
    static final int MAX_TEXT = 4000;

    private final JsonSerde<ReplyTemplate> serde = JsonSerde.of(ReplyTemplate.class);
    private final Map<String, ReplyTemplate> templates = new ConcurrentHashMap<>();
    private final TopicFollower follower;
    private final KafkaProducer<String, byte[]> producer;

    public ReplyTemplates(KafkaConnection kafka, TopicFollower follower) {
        this.follower = follower;
        var p = kafka.producerConfig();
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        follower.fromBeginning(Topics.REPLY_TEMPLATES, this::take);
    }

    /** The templates for a brand and language, by title; other languages of the brand after them. */
    public List<ReplyTemplate> forMention(String brand, String language) {
        return templates.values().stream().filter(t -> t.brand().equals(brand))
                .sorted(Comparator.comparing((ReplyTemplate t) -> !t.language().equals(language))
                        .thenComparing(ReplyTemplate::language).thenComparing(ReplyTemplate::title))
                .toList();
    }

    public List<ReplyTemplate> all() {
        return templates.values().stream().sorted(Comparator.comparing(ReplyTemplate::key)).toList();
    }

    public Optional<ReplyTemplate> template(String key) {
        return Optional.ofNullable(templates.get(key));
    }

    /** Saves (creates or replaces) a template and waits until this instance shows it. */
    public ReplyTemplate save(ReplyTemplate template) {
        if (template.text().length() > MAX_TEXT || template.title().length() > 200) {
            throw new IllegalArgumentException("a template has at most 200 characters of title and "
                    + MAX_TEXT + " of text");
        }
        if (!template.templateId().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("a template id is lower-case letters, digits and dashes");
        }
        writeAndWait(template.key(), serde.encode(template));
        return template;
    }

    /** Deletes a template (a tombstone); false when there was none. */
    public boolean delete(String key) {
        if (!templates.containsKey(key)) {
            return false;
        }
        writeAndWait(key, null);
        return true;
    }

    private void writeAndWait(String key, byte[] value) {
        try {
            RecordMetadata m = producer.send(new ProducerRecord<>(Topics.REPLY_TEMPLATES, key, value))
                    .get(WRITE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            follower.awaitRead(new TopicPartition(m.topic(), m.partition()), m.offset(), WRITE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing template " + key, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write template " + key + ": " + e, e);
        }
    }

    void take(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            templates.remove(r.key());
        } else {
            ReplyTemplate t = serde.decode(r.value());
            templates.put(t.key(), t);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
