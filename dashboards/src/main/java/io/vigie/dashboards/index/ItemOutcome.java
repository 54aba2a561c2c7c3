package io.vigie.dashboards.index;

import java.util.Set;

/**
 * What the indexer does with one item of a bulk response: Elasticsearch's answer for one document, sorted by
 * whether trying again can help.
 */
enum ItemOutcome {
    /** Written: the offset is handled. */
    INDEXED,
    /**
     * A newer version of the mention is already indexed (the document is written with external versioning on the
     * mention's version): nothing to do, the offset is handled.
     */
    STALE,
    /** Elasticsearch could not take it now (overloaded, shard unavailable, index closed or blocked): retry later. */
    TRANSIENT,
    /** Elasticsearch refused the document itself (mapping conflict, unparseable value): dead letter. */
    REFUSED;

    // Error types that come with a 4xx status yet clear up without any change to the document: an operator
    // closed the index or a disk watermark blocked writes; retrying is right, dead-lettering would lose data.
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "index_closed_exception",
            "cluster_block_exception",
            "index_not_found_exception",
            "es_rejected_execution_exception",
            "circuit_breaking_exception",
            "unavailable_shards_exception",
            "no_shard_available_action_exception",
            "node_not_connected_exception",
            "process_cluster_event_timeout_exception",
            "timeout_exception");

    /**
     * @param status the item's HTTP status
     * @param errorType the item's error type, or null when it has no error
     */
    static ItemOutcome of(int status, String errorType) {
        if (errorType == null && status >= 200 && status < 300) {
            return INDEXED;
        }
        if (status == 409 || "version_conflict_engine_exception".equals(errorType)) {
            return STALE;
        }
        if (status == 429 || status >= 500 || status == 408 || (errorType != null && TRANSIENT_TYPES.contains(errorType))) {
            return TRANSIENT;
        }
        return REFUSED;
    }
}
