package io.vigie.dashboards.index;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.vigie.runtime.metrics.StageMetrics;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.vigie.dashboards.index.OffsetTracker.Position;
import io.vigie.model.DeadLetter;
import io.vigie.model.JsonSerde;
import io.vigie.model.MentionResponse;
import io.vigie.model.Schema;
import io.vigie.model.ScoredMention;
import io.vigie.model.Topics;
import io.vigie.model.UndecodableRecordException;
import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.VigieService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes {@code mentions.scored} into Elasticsearch. One consumer thread reads, decodes and hands documents to
 * the client's {@link BulkIngester}; bulk responses come back through a queue to that same thread, which marks
 * offsets handled, retries what Elasticsearch could not take, dead-letters what it refused, and commits offsets
 * synchronously up to the first one not yet handled. Several instances share the partitions through the
 * consumer group.
 *
 * <p>The ingester's own retry (429 items only, a bounded number of times) is not used: every retry goes through
 * one path here, with no limit on attempts, because giving up would drop a mention.
 */
public final class MentionIndexer implements VigieService {
    /** The {@code stage} of the dead letters this service writes. */
    public static final String STAGE = "indexer";

    private static final Logger log = LoggerFactory.getLogger(MentionIndexer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration REVOKE_DRAIN = Duration.ofSeconds(10);
    private static final Duration CLOSE_DRAIN = Duration.ofSeconds(20);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(60);
    private static final int TRUNCATED_ORIGINAL = 256 * 1024;

    private final IndexerSettings settings;
    private final ResponseMerge responses;
    private final KafkaConnection kafka;
    private final ElasticsearchConnection elasticsearch;
    private final String instanceId;
    private final Clock clock;
    private final MonthlyIndices indices;
    private final MentionIndexSetup setup;
    private final Backoff backoff;
    private final JsonSerde<ScoredMention> mentions = JsonSerde.of(ScoredMention.class);
    private final JsonSerde<DeadLetter> deadLetters = JsonSerde.of(DeadLetter.class);

    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closeSignal = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch indicesReady = new CountDownLatch(1);
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicLong indexedCount = new AtomicLong();
    private final AtomicLong staleCount = new AtomicLong();
    private final AtomicLong deadLetterCount = new AtomicLong();
    private final AtomicLong retryCount = new AtomicLong();
    private volatile boolean consuming;
    private final StageMetrics metrics;
    /** The consumer's own metrics (lag per partition among them), bound while it lives. */
    private KafkaClientMetrics consumerMetrics;
    private volatile Thread thread;

    // Consumer-thread state.
    private OffsetTracker tracker = new OffsetTracker();
    private final PriorityQueue<Retry> retries = new PriorityQueue<>(Comparator.comparingLong(Retry::dueNanos));
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private BulkIngester<Pending> ingester;
    private Instant unavailableSince;
    private String unavailableReason;
    private boolean pausedForBacklog;
    private long lastCommitNanos;
    private long lastProgressNanos;
    private String lastProgress = "";
    private String lastSetupRefusal;

    public MentionIndexer(IndexerSettings settings, KafkaConnection kafka, ElasticsearchConnection elasticsearch,
            String instanceId, Clock clock) {
        this(settings, kafka, elasticsearch, instanceId, clock,
                new StageMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), "dashboards"),
                ResponseMerge.NONE);
    }

    public MentionIndexer(IndexerSettings settings, KafkaConnection kafka, ElasticsearchConnection elasticsearch,
            String instanceId, Clock clock, ResponseMerge responses) {
        this(settings, kafka, elasticsearch, instanceId, clock,
                new StageMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), "dashboards"),
                responses);
    }

    public MentionIndexer(IndexerSettings settings, KafkaConnection kafka, ElasticsearchConnection elasticsearch,
            String instanceId, Clock clock, StageMetrics metrics, ResponseMerge responses) {
        this.metrics = metrics;
        this.responses = responses;
        this.settings = settings;
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.instanceId = instanceId;
        this.clock = clock;
        this.indices = settings.indices();
        this.setup = new MentionIndexSetup(indices,
                new MentionIndexTemplate(indices, settings.shards(), settings.replicas()));
        this.backoff = settings.backoff();
    }

    /** A document read from the topic and on its way to Elasticsearch. */
    /** @param scoredAt when analyze scored the mention: the start of the scored → indexed hop */
    private record Pending(Position position, String key, byte[] original, BulkOperation operation, int attempts,
            String mentionId, long responseVersion, java.time.Instant scoredAt) {}

    /** A record on its way to {@code deadletter}. */
    private record DeadLetterJob(Position position, String key, byte[] original, String reason, String errorType,
            int attempts) {}

    private record Retry(long dueNanos, Object job) {}

    private sealed interface Outcome permits BulkDone, BulkFailed, DeadLetterWritten {}

    private record BulkDone(List<Pending> documents, BulkResponse response) implements Outcome {}

    private record BulkFailed(List<Pending> documents, Throwable failure) implements Outcome {}

    private record DeadLetterWritten(DeadLetterJob job, Exception failure) implements Outcome {}

    /** Counters since start, for operators and tests. */
    public record Stats(long indexed, long stale, long deadLettered, long retried, boolean consuming) {}

    public Stats stats() {
        return new Stats(indexedCount.get(), staleCount.get(), deadLetterCount.get(), retryCount.get(), consuming);
    }

    @Override
    public String name() {
        return "indexer";
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("indexer already started");
        }
        thread = new Thread(this::run, "vigie-indexer-" + instanceId);
        thread.start();
    }

    /** Ready once the index template and this month's index are installed (done by the consumer thread). */
    @Override
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return indicesReady.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closing.set(true);
        closeSignal.countDown();
        Thread t = thread;
        if (t == null) {
            return;
        }
        try {
            if (!stopped.await(CLOSE_DRAIN.toSeconds() + 60, TimeUnit.SECONDS)) {
                log.warn("event=indexer_stop_timeout instance={} action=interrupting", instanceId);
                t.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        ElasticsearchClient client = elasticsearch.newClient();
        try {
            for (int failures = 0; !closing.get(); ) {
                try {
                    if (installIndices(client)) {
                        consume(client);
                    }
                } catch (RuntimeException e) {
                    // A fault the loop does not handle (a Kafka authorization error, a bug): start a new consumer
                    // after a pause. Safe, because nothing unacknowledged was committed.
                    failures++;
                    Duration pause = backoff.delay(failures);
                    log.error("event=indexer_failed instance={} error=\"{}\" failures={} action=restarting_in_ms={}",
                            instanceId, oneLine(describe(e)), failures, pause.toMillis(), e);
                    awaitClose(pause);
                }
            }
        } catch (Error e) {
            log.error("event=indexer_failed instance={} error=\"{}\" action=stopped", instanceId, describe(e), e);
        } finally {
            try {
                client._transport().close();
            } catch (Exception e) {
                log.debug("closing the Elasticsearch client", e);
            }
            consuming = false;
            stopped.countDown();
        }
    }

    /** Puts the template and this month's index, waiting for Elasticsearch as long as it takes; false if closed meanwhile. */
    private boolean installIndices(ElasticsearchClient client) {
        for (int attempt = 1; !closing.get(); attempt++) {
            try {
                MentionIndexTemplate.Analysis analysis = setup.install(client, clock.instant());
                if (unavailableSince != null) {
                    markAvailable();
                }
                log.info("event=indices_ready alias={} template={} pattern={} analysis={} elasticsearch={}",
                        indices.alias(), indices.templateName(), indices.pattern(),
                        analysis.name().toLowerCase(java.util.Locale.ROOT), elasticsearch.url());
                indicesReady.countDown();
                return true;
            } catch (ElasticsearchException e) {
                if (e.status() >= 400 && e.status() < 500 && e.status() != 408 && e.status() != 429) {
                    // Reachable but refusing the template or the index: a cluster or configuration problem (e.g.
                    // another template of the same priority matching these indices). Say so; retry, so fixing the
                    // cluster is enough.
                    String error = describe(e);
                    if (!error.equals(lastSetupRefusal)) {
                        log.error("event=index_setup_refused instance={} template={} status={} error=\"{}\" "
                                        + "action=retrying", instanceId, indices.templateName(), e.status(), oneLine(error));
                        lastSetupRefusal = error;
                    }
                } else {
                    markUnavailable("setup", describe(e));
                }
                awaitClose(backoff.delay(attempt));
            } catch (Exception e) {
                markUnavailable("setup", describe(e));
                awaitClose(backoff.delay(attempt));
            }
        }
        return false;
    }

    private void consume(ElasticsearchClient client) {
        // A fresh start after a failure: what was in flight will be read again from the committed offsets.
        tracker = new OffsetTracker();
        retries.clear();
        outcomes.clear();
        ingester = BulkIngester.of(b -> b
                .client(client)
                .maxOperations(settings.bulkActions())
                .maxSize(settings.bulkBytes())
                .maxConcurrentRequests(settings.concurrentRequests())
                .flushInterval(settings.flushIntervalMillis(), TimeUnit.MILLISECONDS)
                .listener(new Listener()));
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
        consumer = new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumerMetrics = metrics.kafkaClient(consumer);
        try {
            consumer.subscribe(List.of(Topics.MENTIONS_SCORED), new Rebalance());
            consuming = true;
            log.info("event=indexer_started instance={} group={} topic={} alias={}", instanceId,
                    settings.consumerGroup(), Topics.MENTIONS_SCORED, indices.alias());
            lastProgressNanos = System.nanoTime();
            while (!closing.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    accept(record);
                }
                step();
            }
        } finally {
            consuming = false;
            shutDown();
        }
    }

    /** What the loop does between polls; also run while waiting for partitions to drain. */
    private void step() {
        processOutcomes();
        sendDueRetries();
        adjustPause();
        commit(false);
        logProgress(false);
    }

    private void accept(ConsumerRecord<byte[], byte[]> record) {
        Position position = tracker.read(new TopicPartition(record.topic(), record.partition()), record.offset());
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        ScoredMention mention;
        try {
            mention = mentions.decode(record.value());
        } catch (UndecodableRecordException e) {
            writeDeadLetter(new DeadLetterJob(position, key, record.value(), e.getMessage(), "undecodable", 0));
            return;
        }
        BulkOperation operation;
        MentionResponse response = responses.current(mention.mention().id());
        try {
            String index = indices.indexFor(mention.eventTime());
            // A full write replaces the document: it carries the response state known now, and once written the
            // desk is told, so a response that arrived meanwhile is merged in after it (ResponseIndexer).
            MentionDocument document = MentionDocument.of(mention, clock.instant(), response);
            operation = BulkOperation.of(b -> b.index(i -> i
                    .index(index)
                    .id(mention.mention().id())
                    // The mention's version orders edits and engagement updates: an older one delivered late
                    // is refused with a conflict (STALE) instead of overwriting a newer one.
                    // Spaced by VERSION_STRIDE so the response's partial updates fit in between.
                    .version(MentionDocument.externalVersion(mention.mention().version()))
                    .versionType(VersionType.ExternalGte)
                    .document(document)));
        } catch (RuntimeException e) {
            writeDeadLetter(new DeadLetterJob(position, key, record.value(), "cannot index: " + e.getMessage(),
                    "unindexable", 0));
            return;
        }
        ingester.add(operation, new Pending(position, key, record.value(), operation, 0, mention.mention().id(),
                response == null ? 0 : response.version(), mention.scoredAt()));
    }

    private void processOutcomes() {
        for (Outcome outcome = outcomes.poll(); outcome != null; outcome = outcomes.poll()) {
            if (outcome instanceof BulkDone done) {
                bulkDone(done);
            } else if (outcome instanceof BulkFailed failed) {
                for (Pending p : failed.documents()) {
                    if (tracker.isCurrent(p.position())) {
                        retryLater(p, p.attempts() + 1);
                    }
                }
                markUnavailable("bulk", describe(failed.failure()));
            } else if (outcome instanceof DeadLetterWritten written) {
                deadLetterWritten(written);
            }
        }
    }

    private void bulkDone(BulkDone done) {
        List<BulkResponseItem> items = done.response().items();
        boolean accepted = false;
        String transientReason = null;
        for (int i = 0; i < items.size(); i++) {
            Pending p = done.documents().get(i);
            if (!tracker.isCurrent(p.position())) {
                continue; // the partition was revoked: its new owner indexes the record again
            }
            BulkResponseItem item = items.get(i);
            ErrorCause error = item.error();
            switch (ItemOutcome.of(item.status(), error == null ? null : error.type())) {
                case INDEXED -> {
                    tracker.handled(p.position());
                    indexedCount.incrementAndGet();
                    responses.indexed(p.mentionId(), item.index(), p.responseVersion());
                    accepted = true;
                }
                case STALE -> {
                    tracker.handled(p.position());
                    staleCount.incrementAndGet();
                    accepted = true;
                }
                case TRANSIENT -> {
                    retryLater(p, p.attempts() + 1);
                    transientReason = item.status() + " " + describe(error);
                }
                case REFUSED -> {
                    writeDeadLetter(new DeadLetterJob(p.position(), p.key(), p.original(),
                            "elasticsearch refused the document (" + item.status() + " " + item.index() + "): "
                                    + describe(error),
                            error == null ? "elasticsearch_refused" : error.type(), 0));
                    accepted = true;
                }
            }
        }
        if (accepted) {
            markAvailable();
        } else if (transientReason != null) {
            markUnavailable("bulk", transientReason);
        }
    }

    private void writeDeadLetter(DeadLetterJob job) {
        DeadLetter letter = new DeadLetter(Schema.VERSION, STAGE, job.position().partition().topic(),
                job.position().partition().partition(), job.position().offset(), job.key(), job.reason(),
                job.errorType(), job.original(), clock.instant());
        producer.send(new ProducerRecord<>(Topics.DEADLETTER, job.key(), deadLetters.encode(letter)),
                (metadata, failure) -> outcomes.add(new DeadLetterWritten(job, failure)));
    }

    private void deadLetterWritten(DeadLetterWritten written) {
        DeadLetterJob job = written.job();
        if (written.failure() == null) {
            if (tracker.handled(job.position())) {
                deadLetterCount.incrementAndGet();
            }
            log.warn("event=dead_letter stage={} topic={} partition={} offset={} key={} reason=\"{}\"", STAGE,
                    job.position().partition().topic(), job.position().partition().partition(),
                    job.position().offset(), job.key(), oneLine(job.reason()));
        } else if (written.failure() instanceof RecordTooLargeException && job.original().length > TRUNCATED_ORIGINAL) {
            // The original is too big to travel base64-encoded inside a dead letter; keep its start and say so,
            // rather than retry forever and hold the partition's commits back.
            byte[] head = java.util.Arrays.copyOf(job.original(), TRUNCATED_ORIGINAL);
            writeDeadLetter(new DeadLetterJob(job.position(), job.key(), head, job.reason() + " (original truncated from "
                    + job.original().length + " to " + TRUNCATED_ORIGINAL + " bytes to fit in a dead letter)",
                    job.errorType(), job.attempts()));
        } else if (tracker.isCurrent(job.position())) {
            log.warn("event=dead_letter_failed topic={} partition={} offset={} error=\"{}\" action=retrying",
                    job.position().partition().topic(), job.position().partition().partition(),
                    job.position().offset(), describe(written.failure()));
            retryLater(new DeadLetterJob(job.position(), job.key(), job.original(), job.reason(), job.errorType(),
                    job.attempts() + 1), job.attempts() + 1);
        }
    }

    private void retryLater(Object job, int attempt) {
        retryCount.incrementAndGet();
        retries.add(new Retry(System.nanoTime() + backoff.delay(attempt).toNanos(), job));
    }

    private void sendDueRetries() {
        long now = System.nanoTime();
        while (!retries.isEmpty() && retries.peek().dueNanos() - now <= 0) {
            Object job = retries.poll().job();
            if (job instanceof Pending p && tracker.isCurrent(p.position())) {
                ingester.add(p.operation(), new Pending(p.position(), p.key(), p.original(), p.operation(),
                        p.attempts() + 1, p.mentionId(), p.responseVersion(), p.scoredAt()));
            } else if (job instanceof DeadLetterJob d && tracker.isCurrent(d.position())) {
                writeDeadLetter(d);
            }
        }
    }

    private void markUnavailable(String phase, String reason) {
        if (unavailableSince == null) {
            unavailableSince = clock.instant();
            unavailableReason = reason;
            log.warn("event=elasticsearch_unavailable instance={} phase={} url={} error=\"{}\" unhandled={} "
                            + "action=pausing_consumption_and_retrying", instanceId, phase, elasticsearch.url(),
                    oneLine(reason), tracker.unhandledCount());
        }
    }

    private void markAvailable() {
        if (unavailableSince == null) {
            return;
        }
        log.info("event=elasticsearch_available instance={} url={} down_ms={} first_error=\"{}\" action=resuming",
                instanceId, elasticsearch.url(), Duration.between(unavailableSince, clock.instant()).toMillis(),
                oneLine(unavailableReason));
        unavailableSince = null;
        unavailableReason = null;
        // Documents waiting on a long backoff go now rather than after it.
        List<Retry> waiting = new ArrayList<>(retries);
        retries.clear();
        long now = System.nanoTime();
        for (Retry r : waiting) {
            retries.add(new Retry(now, r.job()));
        }
    }

    private void adjustPause() {
        int unhandled = tracker.unhandledCount();
        if (unhandled >= settings.maxPendingDocuments()) {
            pausedForBacklog = true;
        } else if (unhandled <= settings.maxPendingDocuments() / 2) {
            pausedForBacklog = false;
        }
        Set<TopicPartition> assigned = consumer.assignment();
        if (unavailableSince != null || pausedForBacklog) {
            if (!consumer.paused().containsAll(assigned)) {
                consumer.pause(assigned);
            }
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    /** Commits every partition's offsets up to its first unhandled record; at most once per interval unless forced. */
    private void commit(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastCommitNanos < TimeUnit.MILLISECONDS.toNanos(settings.commitIntervalMillis())) {
            return;
        }
        lastCommitNanos = now;
        Map<TopicPartition, Long> points = tracker.commitPoints();
        if (points.isEmpty() || consumer == null) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        points.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
        try {
            consumer.commitSync(offsets);
            points.forEach(tracker::committed);
        } catch (KafkaException e) {
            // Not committed means read again later, and indexing again is harmless (same ids).
            log.warn("event=commit_failed instance={} partitions={} error=\"{}\"", instanceId, points.keySet(),
                    describe(e));
        }
    }

    private void logProgress(boolean always) {
        long now = System.nanoTime();
        if (!always && now - lastProgressNanos < PROGRESS_EVERY.toNanos()) {
            return;
        }
        lastProgressNanos = now;
        String progress = "indexed=" + indexedCount.get() + " stale=" + staleCount.get() + " dead_lettered="
                + deadLetterCount.get() + " retried=" + retryCount.get() + " unhandled=" + tracker.unhandledCount();
        if (always || !progress.equals(lastProgress)) {
            log.info("event=indexer_progress instance={} {} elasticsearch={}", instanceId, progress,
                    unavailableSince == null ? "available" : "unavailable");
            lastProgress = progress;
        }
    }

    /** Runs the loop's bookkeeping without reading until the condition holds or the time is up. */
    private boolean drain(BooleanSupplier done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            processOutcomes();
            if (done.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            sendDueRetries();
            ingester.flush();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void shutDown() {
        try {
            if (ingester != null) {
                boolean drained = drain(() -> tracker.unhandledCount() == 0, CLOSE_DRAIN);
                commit(true);
                logProgress(true);
                log.info("event=indexer_stopped instance={} drained={} unhandled={}{}", instanceId, drained,
                        tracker.unhandledCount(), drained ? "" : " note=unhandled_records_are_read_again_by_the_group");
            }
        } catch (RuntimeException e) {
            log.warn("event=indexer_stop_error instance={} error=\"{}\"", instanceId, describe(e));
        } finally {
            // Closing the consumer revokes its partitions: with the ingester gone, the rebalance listener only
            // forgets them, since everything that could be committed was.
            BulkIngester<Pending> toClose = ingester;
            ingester = null;
            closeQuietly(toClose);
            if (producer != null) {
                producer.close(Duration.ofSeconds(10));
                producer = null;
            }
            if (consumerMetrics != null) {
                consumerMetrics.close();
                consumerMetrics = null;
            }
            if (consumer != null) {
                consumer.close(Duration.ofSeconds(10));
                consumer = null;
            }
        }
    }

    private void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("close", e);
        }
    }

    private void awaitClose(Duration delay) {
        try {
            closeSignal.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing.set(true);
        }
    }

    private Properties consumerConfig() {
        Properties p = kafka.consumerConfig();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "vigie-indexer-" + instanceId);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(1000, settings.bulkActions()));
        return p;
    }

    private Properties producerConfig() {
        Properties p = kafka.producerConfig();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "vigie-indexer-deadletter-" + instanceId);
        return p;
    }

    private final class Listener implements BulkListener<Pending> {
        private final java.util.Map<Long, Long> startedNanos = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Pending> contexts) {
            startedNanos.put(executionId, System.nanoTime());
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, BulkResponse response) {
            metrics.bulk(!response.errors(), took(executionId));
            metrics.mentionsOut(response.items().stream().filter(i -> i.error() == null).count());
            // Items answer in the order of the operations: the i-th item is the i-th context's.
            java.time.Instant now = clock.instant();
            for (int i = 0; i < contexts.size() && i < response.items().size(); i++) {
                if (response.items().get(i).error() == null) {
                    metrics.hop("scored-indexed", contexts.get(i).scoredAt(), now);
                }
            }
            outcomes.add(new BulkDone(List.copyOf(contexts), response));
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, Throwable failure) {
            metrics.bulk(false, took(executionId));
            outcomes.add(new BulkFailed(List.copyOf(contexts), failure));
        }

        private java.time.Duration took(long executionId) {
            Long started = startedNanos.remove(executionId);
            return java.time.Duration.ofNanos(started == null ? 0 : System.nanoTime() - started);
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty() || ingester == null) {
                partitions.forEach(tracker::revoke);
                return;
            }
            // Still ours for a moment: let their documents reach Elasticsearch and commit, so the next owner
            // starts where this instance stopped.
            drain(() -> partitions.stream().allMatch(tp -> tracker.unhandledCount(tp) == 0), REVOKE_DRAIN);
            commit(true);
            partitions.forEach(tracker::revoke);
            log.info("event=partitions_revoked instance={} partitions={}", instanceId, partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                if (!tracker.isAssigned(tp)) {
                    tracker.assign(tp);
                }
            }
            if (!partitions.isEmpty()) {
                log.info("event=partitions_assigned instance={} partitions={}", instanceId, partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(tracker::revoke);
            log.warn("event=partitions_lost instance={} partitions={}", instanceId, partitions);
        }
    }

    private static String describe(ErrorCause error) {
        if (error == null) {
            return "no error detail";
        }
        StringBuilder s = new StringBuilder(error.type()).append(": ").append(error.reason());
        for (ErrorCause cause = error.causedBy(); cause != null; cause = cause.causedBy()) {
            s.append("; caused by ").append(cause.type()).append(": ").append(cause.reason());
        }
        return s.toString();
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('"', '\'');
    }
}
