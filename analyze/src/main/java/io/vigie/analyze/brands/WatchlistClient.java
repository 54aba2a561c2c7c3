package io.vigie.analyze.brands;

import io.vigie.query.BrandQuery;
import io.vigie.model.JsonSerde;
import io.vigie.model.Topics;
import io.vigie.model.UndecodableRecordException;
import io.vigie.model.WatchedBrand;
import io.vigie.runtime.connect.KafkaConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes the {@code watchlist} topic. Every write checks the query first: a broken query never lands. */
public final class WatchlistClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConnection kafka;
    private final JsonSerde<WatchedBrand> serde = JsonSerde.of(WatchedBrand.class);

    public WatchlistClient(KafkaConnection kafka) {
        this.kafka = kafka;
    }

    /** Writes (adds or replaces) brands, waiting for the broker's acknowledgement. */
    public void put(List<WatchedBrand> brands) {
        for (WatchedBrand b : brands) {
            BrandQuery.parse(b.query());
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (WatchedBrand b : brands) {
                sent.add(producer.send(new ProducerRecord<>(Topics.WATCHLIST, b.id(), serde.encode(b))));
            }
            for (var f : sent) {
                await(f);
            }
        }
    }

    /** Removes a brand (a tombstone on the compacted topic). */
    public void remove(String id) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            await(producer.send(new ProducerRecord<>(Topics.WATCHLIST, id, null)));
        }
    }

    /** The current watchlist: the latest record per brand id, tombstones applied, by id. */
    public Map<String, WatchedBrand> list() {
        Properties p = kafka.clientConfig();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, WatchedBrand> out = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(Topics.WATCHLIST, TIMEOUT)) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, TIMEOUT) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the watchlist to its end within " + TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        out.remove(r.key());
                        continue;
                    }
                    try {
                        out.put(r.key(), serde.decode(r.value()));
                    } catch (UndecodableRecordException e) {
                        // Shown as unreadable rather than hidden: the topology skips it too.
                        out.remove(r.key());
                        System.err.println("watchlist record for '" + r.key() + "' at offset " + r.offset()
                                + " is unreadable: " + e.getMessage());
                    }
                }
            }
        }
        return out;
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties p = kafka.clientConfig();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(p, new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer());
    }

    private static void await(java.util.concurrent.Future<?> f) {
        try {
            f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the watchlist", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write the watchlist: " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }
}
