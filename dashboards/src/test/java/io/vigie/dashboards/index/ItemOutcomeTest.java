package io.vigie.dashboards.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ItemOutcomeTest {
    @Test
    void createdAndUpdatedDocumentsAreIndexed() {
        assertEquals(ItemOutcome.INDEXED, ItemOutcome.of(201, null));
        assertEquals(ItemOutcome.INDEXED, ItemOutcome.of(200, null));
    }

    @Test
    void aVersionConflictMeansANewerVersionIsAlreadyThere() {
        assertEquals(ItemOutcome.STALE, ItemOutcome.of(409, "version_conflict_engine_exception"));
    }

    @Test
    void overloadAndServerErrorsAreRetried() {
        assertEquals(ItemOutcome.TRANSIENT, ItemOutcome.of(429, "es_rejected_execution_exception"));
        assertEquals(ItemOutcome.TRANSIENT, ItemOutcome.of(503, "unavailable_shards_exception"));
        assertEquals(ItemOutcome.TRANSIENT, ItemOutcome.of(500, "some_exception"));
    }

    @Test
    void aClosedOrBlockedIndexIsRetriedNotDeadLettered() {
        assertEquals(ItemOutcome.TRANSIENT, ItemOutcome.of(400, "index_closed_exception"));
        assertEquals(ItemOutcome.TRANSIENT, ItemOutcome.of(403, "cluster_block_exception"));
        assertEquals(ItemOutcome.TRANSIENT, ItemOutcome.of(404, "index_not_found_exception"));
    }

    @Test
    void aMappingErrorIsARefusal() {
        assertEquals(ItemOutcome.REFUSED, ItemOutcome.of(400, "document_parsing_exception"));
        assertEquals(ItemOutcome.REFUSED, ItemOutcome.of(400, "mapper_parsing_exception"));
        assertEquals(ItemOutcome.REFUSED, ItemOutcome.of(400, "strict_dynamic_mapping_exception"));
    }
}
