package io.vigie.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.vigie.model.TopicSpec;
import io.vigie.model.Topics;
import io.vigie.runtime.connect.TopicAdmin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SharedLocalClusterIT {

    record Note(String id, String text) {}

    @Test
    void theSharedClusterIsOneInstancePerJvmWithEveryVigieTopic() throws Exception {
        LocalCluster cluster = SharedLocalCluster.get();
        assertTrue(cluster == SharedLocalCluster.get(), "a second call returns the same cluster");
        try (Admin admin = Admin.create(cluster.kafka().clientConfig())) {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            for (TopicSpec spec : Topics.all()) {
                assertTrue(names.contains(spec.name()), "topic " + spec.name() + " exists");
            }
            ConfigResource incidents = new ConfigResource(ConfigResource.Type.TOPIC, Topics.INCIDENTS);
            Config config = admin.describeConfigs(List.of(incidents)).all().get(10, TimeUnit.SECONDS).get(incidents);
            assertEquals("compact", config.get("cleanup.policy").value());
            assertEquals(Topics.spec(Topics.INCIDENTS).partitions(),
                    admin.describeTopics(List.of(Topics.INCIDENTS)).allTopicNames().get().get(Topics.INCIDENTS)
                            .partitions().size());
        }
        assertEquals(3, cluster.pids().size(), "broker JVM, Elasticsearch CLI JVM and server JVM: " + cluster.pids());
    }

    @Test
    void theBrokerAcceptsProduceAndAConsumerGroupReadsItBack() throws Exception {
        LocalCluster cluster = SharedLocalCluster.get();
        String topic = "it-produce-consume-" + UUID.randomUUID();
        TopicAdmin.ensure(cluster.kafka(), List.of(new TopicSpec(topic, 3, false, Duration.ofHours(1), "k",
                String.class, "this test", "this test")));
        Properties p = cluster.kafka().clientConfig();
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i)).get(10, TimeUnit.SECONDS);
            }
        }
        Properties c = cluster.kafka().clientConfig();
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "it-group-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (values.size() < 30 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            consumer.commitSync();
        }
        assertEquals(30, values.size(), "every record produced is consumed through a consumer group");
        assertTrue(values.containsAll(List.of("value-0", "value-29")));
    }

    @Test
    void elasticsearchIndexesAndSearchesADocument() throws Exception {
        LocalCluster cluster = SharedLocalCluster.get();
        ElasticsearchClient es = cluster.elasticsearch().newClient();
        try {
            String index = "it-notes-" + UUID.randomUUID();
            es.index(i -> i.index(index).id("n1").document(new Note("n1", "Kryptonite lock opened with a Bic pen"))
                    .refresh(Refresh.True));
            es.index(i -> i.index(index).id("n2").document(new Note("n2", "a quiet day for bikes"))
                    .refresh(Refresh.True));
            SearchResponse<Note> found = es.search(s -> s.index(index).query(q -> q.match(m -> m.field("text")
                    .query("pen"))), Note.class);
            assertEquals(List.of("n1"), found.hits().hits().stream().map(h -> h.id()).collect(Collectors.toList()));
            assertEquals("Kryptonite lock opened with a Bic pen", found.hits().hits().get(0).source().text());
        } finally {
            es._transport().close();
        }
    }
}
