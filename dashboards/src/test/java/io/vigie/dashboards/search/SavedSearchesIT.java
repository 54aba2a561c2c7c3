package io.vigie.dashboards.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.query.QueryParseException;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Saved searches shared by two dashboards instances through the real Elasticsearch. */
class SavedSearchesIT {

    @Test
    void aSearchSavedOnOneInstanceIsOpenedByLinkOnAnotherAndDeletedOnlyByItsOwner() throws Exception {
        SearchFixture es = new SearchFixture();
        String index = es.run + "-saved-searches";
        SavedSearches first = new SavedSearches(es.client, index, Clock.systemUTC());
        first.install();
        first.install();
        SavedSearch saved = first.save("alice", "Kryptonite en colère", "kryptonite sentiment:negative lang:fr",
                SearchSort.REACH);
        first.save("alice", "Bic", "bic", SearchSort.DATE);
        first.save("bob", "Mine", "abus", SearchSort.DATE);

        SavedSearches second = new SavedSearches(es.client, index, Clock.systemUTC());
        assertEquals(saved, second.get(saved.id()).orElseThrow());
        assertEquals(java.util.List.of("Bic", "Kryptonite en colère"),
                second.of("alice").stream().map(SavedSearch::name).toList());
        assertTrue(saved.id().length() >= 22, "an unguessable link id");
        assertFalse(second.delete(saved.id(), "bob"));
        assertTrue(second.get(saved.id()).isPresent());
        assertTrue(second.delete(saved.id(), "alice"));
        assertTrue(first.get(saved.id()).isEmpty());
        assertThrows(QueryParseException.class, () -> first.save("alice", "broken", "(bic", SearchSort.DATE));
        assertTrue(first.get("no-such-id").isEmpty());
    }
}
