package io.vigie.dashboards.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.vigie.model.Engagement;
import io.vigie.model.JsonSerde;
import io.vigie.model.ScoredMention;
import io.vigie.model.Topics;
import io.vigie.model.UndecodableRecordException;
import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.ConsumerThreads;
import io.vigie.runtime.service.VigieService;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engagement history of mentions (a video's views growing, a post's comments): one small document per version
 * of a mention that carries engagement figures, in {@code <alias>.engagement}, id {@code <mentionId>@<version>}. The
 * mention document itself holds only its latest version (a newer one replaces it), so without this the growth the
 * feeds report poll after poll would be lost.
 *
 * <p>Its own consumer group ({@code <indexer group>-engagement}) on {@code mentions.scored}, so it never slows the
 * mention indexer; offsets are committed only after Elasticsearch took the batch, and the document id makes a
 * replayed record a no-op, so every version is written, once. Records the mention indexer dead-letters (undecodable)
 * are skipped here: one dead letter per record is enough.
 */
public final class EngagementIndexer implements VigieService {
    private static final Logger log = LoggerFactory.getLogger(EngagementIndexer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final String MAPPING = """
            {"mappings": {"dynamic": "strict", "properties": {
              "mentionId": {"type": "keyword"}, "version": {"type": "long"}, "at": {"type": "date"},
              "views": {"type": "long"}, "likes": {"type": "long"}, "dislikes": {"type": "long"},
              "comments": {"type": "long"}, "shares": {"type": "long"}, "reach": {"type": "long"}}},
             "settings": {"index": {"number_of_shards": 1, "auto_expand_replicas": "0-1"}}}""";

    /** What the mention page draws: one point per version. */
    public record Point(String mentionId, long version, Instant at, Long views, Long likes, Long dislikes,
            Long comments, Long shares, long reach) {
        String documentId() {
            return mentionId + "@" + version;
        }
    }

    private final KafkaConnection kafka;
    private final ElasticsearchConnection elasticsearch;
    private final String index;
    private final String group;
    private final JsonSerde<ScoredMention> mentions = JsonSerde.of(ScoredMention.class);
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    private final CountDownLatch indexReady = new CountDownLatch(1);
    private final AtomicLong written = new AtomicLong();
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    /** @param alias the mentions' alias; the history lives in {@link #indexOf(String) alias.engagement} */
    public EngagementIndexer(KafkaConnection kafka, ElasticsearchConnection elasticsearch, String alias,
            String consumerGroup) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.index = indexOf(alias);
        this.group = consumerGroup;
    }

    /**
     * Not {@code <alias>-engagement}: {@code <alias>-*} is the mention template's pattern, whose strict mapping would
     * refuse these documents (the same reason as the flags' index).
     */
    public static String indexOf(String alias) {
        return alias + ".engagement";
    }

    /** Versions written since start. */
    public long written() {
        return written.get();
    }

    @Override
    public String name() {
        return "engagement-indexer";
    }

    @Override
    public synchronized void start() {
        Properties c = kafka.consumerConfig();
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = new Thread(this::run, "vigie-engagement-indexer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return indexReady.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        ElasticsearchClient client = elasticsearch.newClient();
        try {
            createIndex(client);
            consumer.subscribe(List.of(Topics.MENTIONS_SCORED));
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                Map<String, Point> batch = new LinkedHashMap<>();
                for (ConsumerRecord<String, byte[]> r : records) {
                    Point p = pointOf(r.value());
                    if (p != null) {
                        batch.put(p.documentId(), p);
                    }
                }
                if (!writeUntilTaken(client, batch)) {
                    break; // stopping with versions not yet taken: they are read again after a restart
                }
                Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
                for (TopicPartition tp : records.partitions()) {
                    List<ConsumerRecord<String, byte[]>> of = records.records(tp);
                    offsets.put(tp, new OffsetAndMetadata(of.get(of.size() - 1).offset() + 1));
                }
                consumer.commitSync(offsets);
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("event=engagement_indexer_crashed error=\"{}\"", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(1));
            try {
                client._transport().close();
            } catch (Exception e) {
                log.debug("event=close_failed error={}", e.toString());
            }
        }
    }

    /** The index with its mapping, retried until Elasticsearch answers (it may start after us). */
    private void createIndex(ElasticsearchClient client) throws InterruptedException {
        for (int attempt = 1; running; attempt++) {
            try {
                if (!client.indices().exists(e -> e.index(index)).value()) {
                    client.indices().create(r -> r.index(index).withJson(new StringReader(MAPPING)));
                }
                indexReady.countDown();
                return;
            } catch (Exception e) {
                if (e.getMessage() != null && e.getMessage().contains("resource_already_exists_exception")) {
                    indexReady.countDown();
                    return;
                }
                Duration wait = backoff.delay(attempt);
                log.warn("event=engagement_index_unavailable index={} retryInMs={} error=\"{}\"", index,
                        wait.toMillis(), e.toString());
                Thread.sleep(wait.toMillis());
            }
        }
    }

    /**
     * Writes the batch, retrying what Elasticsearch refused or could not take: a version is never dropped. False when
     * the service stops before everything was taken (the caller then commits nothing).
     */
    private boolean writeUntilTaken(ElasticsearchClient client, Map<String, Point> batch) throws InterruptedException {
        Map<String, Point> left = new LinkedHashMap<>(batch);
        for (int attempt = 1; !left.isEmpty() && running; attempt++) {
            try {
                BulkRequest.Builder b = new BulkRequest.Builder();
                left.forEach((id, p) -> b.operations(o -> o.index(i -> i.index(index).id(id).document(document(p)))));
                BulkResponse response = client.bulk(b.build());
                List<String> failed = new ArrayList<>();
                for (BulkResponseItem item : response.items()) {
                    if (item.error() == null) {
                        left.remove(item.id());
                        written.incrementAndGet();
                    } else {
                        failed.add(item.id() + ": " + item.error().reason());
                    }
                }
                if (!failed.isEmpty()) {
                    log.warn("event=engagement_bulk_partial failed={} first=\"{}\"", failed.size(), failed.get(0));
                }
            } catch (Exception e) {
                log.warn("event=engagement_bulk_failed documents={} error=\"{}\"", left.size(), e.toString());
            }
            if (!left.isEmpty()) {
                Thread.sleep(backoff.delay(attempt).toMillis());
            }
        }
        return left.isEmpty();
    }

    private static Map<String, Object> document(Point p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mentionId", p.mentionId());
        d.put("version", p.version());
        d.put("at", p.at().toString());
        d.put("views", p.views());
        d.put("likes", p.likes());
        d.put("dislikes", p.dislikes());
        d.put("comments", p.comments());
        d.put("shares", p.shares());
        d.put("reach", p.reach());
        return d;
    }

    /** The version's figures, when it carries any; null for a record without engagement or undecodable. */
    Point pointOf(byte[] value) {
        if (value == null) {
            return null;
        }
        ScoredMention s;
        try {
            s = mentions.decode(value);
        } catch (UndecodableRecordException e) {
            return null; // the mention indexer dead-letters it
        }
        return pointOf(s);
    }

    static Point pointOf(ScoredMention s) {
        Engagement e = s.mention().engagement();
        if (e == null || e.isEmpty()) {
            return null;
        }
        Instant at = s.mention().fetchedAt() != null ? s.mention().fetchedAt() : s.scoredAt();
        return new Point(s.mention().id(), s.mention().version(), at, e.views(), e.likes(), e.dislikes(), e.comments(), e.shares(),
                e.reach());
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            ConsumerThreads.wakeAndJoin(consumer, thread, Duration.ofSeconds(5));
        }
    }
}
