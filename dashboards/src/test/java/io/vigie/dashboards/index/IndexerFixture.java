package io.vigie.dashboards.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.vigie.model.DeadLetter;
import io.vigie.model.JsonSerde;
import io.vigie.model.ScoredMention;
import io.vigie.model.Topics;
import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.SharedLocalCluster;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the indexer's integration tests share: the real broker and Elasticsearch of the test JVM, and names unique
 * to one test (index prefix, consumer group, mention source) so tests never see each other's documents.
 */
public final class IndexerFixture implements AutoCloseable {
    public final LocalCluster cluster = SharedLocalCluster.get();
    public final String run = "it" + UUID.randomUUID().toString().substring(0, 8);
    public final String alias = run + "-mentions";
    public final String group = run + "-indexer";
    public final String source = run + "-source";
    public final ElasticsearchClient elasticsearch = cluster.elasticsearch().newClient();
    private final JsonSerde<ScoredMention> mentions = JsonSerde.of(ScoredMention.class);
    private final KafkaProducer<String, byte[]> producer;

    public IndexerFixture() {
        Properties p = cluster.kafka().clientConfig();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Indexer settings for this test: its own alias and group, small batches so tests go quickly. */
    public IndexerSettings settings() {
        return new IndexerSettings(true, alias, group, 500, null, 200, 2, 5000, 200, 2000, 200, 1, "0-1", null);
    }

    public MentionIndexer indexer(String instance) {
        return indexer(instance, cluster.elasticsearch());
    }

    public MentionIndexer indexer(String instance, io.vigie.runtime.connect.ElasticsearchConnection es) {
        return new MentionIndexer(settings(), cluster.kafka(), es, run + "-" + instance, Clock.systemUTC());
    }

    public void send(ScoredMention mention) {
        sendRaw(mention.mention().id(), mentions.encode(mention));
    }

    public void sendRaw(String key, byte[] value) {
        producer.send(new ProducerRecord<>(Topics.MENTIONS_SCORED, key, value));
    }

    public void flush() {
        producer.flush();
    }

    /** Documents of this test's source visible through the alias, after a refresh. */
    public long countThroughAlias() throws IOException {
        try {
            elasticsearch.indices().refresh(r -> r.index(alias));
            return elasticsearch.count(c -> c.index(alias).query(q -> q.term(t -> t.field("source").value(source))))
                    .count();
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return 0;
            }
            throw e;
        }
    }

    /** Every dead letter on the topic whose key starts with this test's run name. */
    public List<DeadLetter> deadLetters() {
        JsonSerde<DeadLetter> serde = JsonSerde.of(DeadLetter.class);
        Properties p = cluster.kafka().clientConfig();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, run + "-deadletter-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEADLETTER).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    DeadLetter letter = serde.decode(r.value());
                    if (letter.key() != null && letter.key().startsWith(run)) {
                        found.add(letter);
                    }
                }
            }
        }
        return found;
    }

    /** Records on mentions.scored the group has not committed yet (end offset minus committed, summed). */
    public long uncommitted() throws Exception {
        try (Admin admin = Admin.create(cluster.kafka().clientConfig())) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            int partitions = admin.describeTopics(List.of(Topics.MENTIONS_SCORED)).allTopicNames().get()
                    .get(Topics.MENTIONS_SCORED).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int i = 0; i < partitions; i++) {
                latest.put(new TopicPartition(Topics.MENTIONS_SCORED, i), OffsetSpec.latest());
            }
            long behind = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e :
                    admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                behind += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return behind;
        }
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    public interface Check {
        boolean holds() throws Exception;
    }

    public static BooleanSupplier quietly(Check check) {
        return () -> {
            try {
                return check.holds();
            } catch (Exception e) {
                return false;
            }
        };
    }

    @Override
    public void close() throws IOException {
        producer.close();
        elasticsearch._transport().close();
    }
}
