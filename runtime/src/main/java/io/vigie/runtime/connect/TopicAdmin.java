package io.vigie.runtime.connect;

import io.vigie.model.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Vigie's topics on a Kafka cluster, idempotently: a topic that exists is left as it is (its partitions and
 * settings may have been tuned by an operator), a missing one is created from its {@link TopicSpec} with the cluster's
 * default replication factor. {@code vigie local} and {@code vigie run} both go through here.
 */
public final class TopicAdmin {
    private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);

    private TopicAdmin() {}

    /** What {@link #ensure} did. */
    public record Outcome(List<String> created, List<String> existing) {}

    /** The topic-level configuration a spec asks for: cleanup policy and, for deleted topics, retention. */
    public static Map<String, String> topicConfig(TopicSpec spec) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(TopicConfig.CLEANUP_POLICY_CONFIG, spec.cleanupPolicy());
        Duration retention = spec.retention();
        config.put(TopicConfig.RETENTION_MS_CONFIG, retention == null ? "-1" : String.valueOf(retention.toMillis()));
        return config;
    }

    public static NewTopic newTopic(TopicSpec spec) {
        return new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty()).configs(topicConfig(spec));
    }

    /**
     * Creates every topic of {@code specs} that does not exist yet. Throws {@link IllegalStateException} with the
     * topic and Kafka's reason when one cannot be created (no rights, too few brokers, cluster unreachable).
     */
    public static Outcome ensure(KafkaConnection kafka, List<TopicSpec> specs) {
        Properties config = kafka.clientConfig();
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(config)) {
            Set<String> present = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> created = new ArrayList<>();
            List<String> existing = new ArrayList<>();
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec spec : specs) {
                if (present.contains(spec.name())) {
                    existing.add(spec.name());
                } else {
                    missing.add(newTopic(spec));
                }
            }
            var results = admin.createTopics(missing).values();
            for (NewTopic topic : missing) {
                try {
                    results.get(topic.name()).get(30, TimeUnit.SECONDS);
                    created.add(topic.name());
                    log.info("topic created name={} partitions={} config={}", topic.name(), topic.numPartitions(),
                            topic.configs());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicExistsException) {
                        existing.add(topic.name()); // created meanwhile by another instance
                    } else {
                        throw new IllegalStateException("cannot create topic " + topic.name() + " on "
                                + kafka.bootstrapServers() + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            if (!created.isEmpty()) {
                awaitLeaders(admin, created);
            }
            return new Outcome(List.copyOf(created), List.copyOf(existing));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list or describe topics on " + kafka.bootstrapServers() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + kafka.bootstrapServers()
                    + " did not answer within 30 s while creating topics: check kafka.bootstrapServers and the network", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** A new topic is usable once every partition has a leader; services started right after would otherwise warn. */
    private static void awaitLeaders(Admin admin, List<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Map<String, TopicDescription> described;
            try {
                described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                // Created, but the broker answering has not seen the new topic's metadata yet: ask again.
                Thread.sleep(100);
                continue;
            }
            boolean ready = described.values().stream()
                    .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
            if (ready) {
                return;
            }
            Thread.sleep(100);
        }
        throw new TimeoutException("partitions of " + topics + " have no leader after 30 s");
    }
}
