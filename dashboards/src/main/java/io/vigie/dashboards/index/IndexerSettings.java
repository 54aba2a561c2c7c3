package io.vigie.dashboards.index;

import java.time.Duration;

/**
 * The {@code dashboards.indexer} section of the configuration. Every key is optional; absent keys take the
 * defaults below, documented key by key in {@code docs/configuration.md}.
 *
 * @param enabled false to run the dashboards stage without its indexer (another process indexes)
 * @param indexPrefix the alias searched by everything, and the prefix of the monthly indices
 * @param consumerGroup the Kafka consumer group the indexer instances share
 * @param bulkActions documents per bulk request, at most
 * @param bulkBytes bytes per bulk request, at most
 * @param flushIntervalMillis how long a document may wait for a bulk request to fill up
 * @param concurrentRequests bulk requests in flight at once
 * @param maxPendingDocuments read but not yet acknowledged documents above which consumption pauses
 * @param retryInitialMillis first delay before retrying a document Elasticsearch could not take
 * @param retryMaxMillis longest delay between retries; retries never stop
 * @param commitIntervalMillis how often acknowledged offsets are committed
 * @param shards primary shards of each monthly index
 * @param replicas {@code index.auto_expand_replicas} of each monthly index, e.g. {@code 0-1}
 * @param readyBacklog records of {@code mentions.scored} not yet read above which the instance reports itself not
 *     ready: it is rebuilding an index (a new consumer group replays the topic) or far behind, so searches and pages
 *     would miss mentions
 */
public record IndexerSettings(
        Boolean enabled,
        String indexPrefix,
        String consumerGroup,
        Integer bulkActions,
        Integer bulkBytes,
        Integer flushIntervalMillis,
        Integer concurrentRequests,
        Integer maxPendingDocuments,
        Integer retryInitialMillis,
        Integer retryMaxMillis,
        Integer commitIntervalMillis,
        Integer shards,
        String replicas,
        Integer readyBacklog) {

    public static final IndexerSettings DEFAULTS =
            new IndexerSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    public IndexerSettings {
        enabled = enabled == null || enabled;
        indexPrefix = indexPrefix == null ? "vigie-mentions" : indexPrefix;
        new MonthlyIndices(indexPrefix); // validates the name
        consumerGroup = consumerGroup == null ? "vigie-indexer" : consumerGroup;
        if (consumerGroup.isBlank()) {
            throw new IllegalArgumentException("consumerGroup must not be blank");
        }
        bulkActions = positive("bulkActions", bulkActions, 1000);
        bulkBytes = positive("bulkBytes", bulkBytes, 5 * 1024 * 1024);
        flushIntervalMillis = positive("flushIntervalMillis", flushIntervalMillis, 500);
        concurrentRequests = positive("concurrentRequests", concurrentRequests, 2);
        maxPendingDocuments = positive("maxPendingDocuments", maxPendingDocuments, 20_000);
        retryInitialMillis = positive("retryInitialMillis", retryInitialMillis, 500);
        retryMaxMillis = positive("retryMaxMillis", retryMaxMillis, 30_000);
        if (retryMaxMillis < retryInitialMillis) {
            throw new IllegalArgumentException("retryMaxMillis must be at least retryInitialMillis (" + retryInitialMillis + ")");
        }
        commitIntervalMillis = positive("commitIntervalMillis", commitIntervalMillis, 1000);
        shards = positive("shards", shards, 1);
        replicas = replicas == null ? "0-1" : replicas;
        // About ten seconds of a busy pipeline's mentions: a short burst does not flap readiness, a replay does.
        readyBacklog = positive("readyBacklog", readyBacklog, 10_000);
        if (!replicas.matches("\\d+-(\\d+|all)|false")) {
            throw new IllegalArgumentException("replicas must be a range like 0-1 or 1-all, or false, got '" + replicas + "'");
        }
    }

    private static Integer positive(String key, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
        return value;
    }

    public MonthlyIndices indices() {
        return new MonthlyIndices(indexPrefix);
    }

    Backoff backoff() {
        return new Backoff(Duration.ofMillis(retryInitialMillis), Duration.ofMillis(retryMaxMillis));
    }

    /** The same settings with another consumer group and index prefix, e.g. for a test or a second pipeline. */
    public IndexerSettings withNames(String indexPrefix, String consumerGroup) {
        return new IndexerSettings(enabled, indexPrefix, consumerGroup, bulkActions, bulkBytes, flushIntervalMillis,
                concurrentRequests, maxPendingDocuments, retryInitialMillis, retryMaxMillis, commitIntervalMillis,
                shards, replicas, readyBacklog);
    }
}
