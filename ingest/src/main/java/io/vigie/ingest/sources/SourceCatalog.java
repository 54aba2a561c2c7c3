package io.vigie.ingest.sources;

import io.vigie.ingest.identity.CanonicalUrl;
import io.vigie.ingest.publish.KafkaSink;
import io.vigie.ingest.state.StateKeys;
import io.vigie.model.IngestState;
import io.vigie.model.JsonSerde;
import io.vigie.model.Topics;
import io.vigie.model.UndecodableRecordException;
import io.vigie.runtime.connect.KafkaConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The sources and their poll state as {@code ingest.state} holds them now, and the writes that change sources.
 * Running instances follow the topic, so a change takes effect without a restart.
 */
public final class SourceCatalog {

    /** A source with what its owner last recorded about it (null until first polled). */
    public record Entry(IngestState.Source source, IngestState.Feed feed) {}

    private final KafkaConnection kafka;

    public SourceCatalog(KafkaConnection kafka) {
        this.kafka = kafka;
    }

    /** Reads the whole topic (read-committed) up to its current end. */
    public Map<String, Entry> read() {
        Properties p = kafka.consumerConfig();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        JsonSerde<IngestState> serde = JsonSerde.of(IngestState.class);
        Map<String, IngestState.Source> sources = new TreeMap<>();
        Map<String, IngestState.Feed> feeds = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INGEST_STATE, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.INGEST_STATE + " to its end within 60 s");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key() == null) {
                        continue;
                    }
                    String url = StateKeys.urlOf(r.key());
                    boolean source = r.key().startsWith(StateKeys.SOURCE_PREFIX);
                    if (!source && !r.key().startsWith(StateKeys.FEED_PREFIX)) {
                        continue; // e.g. a push notification (StateKeys.CHANGED_PREFIX): not a definition nor a state
                    }
                    if (r.value() == null) {
                        (source ? sources : feeds).remove(url);
                        continue;
                    }
                    try {
                        IngestState s = serde.decode(r.value());
                        if (source && s.source() != null) {
                            sources.put(url, s.source());
                        } else if (!source && s.feed() != null) {
                            feeds.put(url, s.feed());
                        }
                    } catch (UndecodableRecordException e) {
                        // listed as missing state rather than failing the whole listing
                    }
                }
            }
        }
        Map<String, Entry> out = new TreeMap<>();
        sources.forEach((url, s) -> out.put(url, new Entry(s, feeds.get(url))));
        return out;
    }

    /** Finds a source by its name or its URL. */
    public static Optional<IngestState.Source> find(Map<String, Entry> catalog, String nameOrUrl) {
        String canonical = CanonicalUrl.of(nameOrUrl);
        return catalog.values().stream().map(Entry::source)
                .filter(s -> s.name().equals(nameOrUrl) || CanonicalUrl.of(s.url()).equals(canonical))
                .findFirst();
    }

    public void put(IngestState.Source source) {
        write(source.url(), source);
    }

    public void remove(IngestState.Source source) {
        write(source.url(), null);
    }

    public static IngestState.Source paused(IngestState.Source s, boolean paused) {
        return new IngestState.Source(s.name(), s.url(), s.kind(), s.minPollSeconds(), s.maxPollSeconds(), s.brands(),
                paused, "cli", Instant.now(), s.rule(), s.maxPages());
    }

    private void write(String url, IngestState.Source source) {
        Properties p = kafka.producerConfig();
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            int partitions = producer.partitionsFor(Topics.INGEST_STATE).size();
            producer.send(KafkaSink.sourceRecord(url, source, partitions)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + Topics.INGEST_STATE, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot write to " + Topics.INGEST_STATE + ": " + e.getCause().getMessage(), e);
        }
    }
}
