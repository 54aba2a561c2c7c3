package io.vigie.model;

import java.time.Instant;
import java.util.List;

/**
 * A brand to watch: the value of the compacted {@code watchlist} topic, keyed by brand id. A tombstone
 * (null value) removes it.
 *
 * @param query the matching query (aliases, phrases, AND/OR/NOT, NEAR/n, exclusions; see the analyze module)
 * @param languages languages to keep, empty for all
 */
public record WatchedBrand(
        int schemaVersion, String id, String name, String query, List<String> languages, boolean paused, Instant updatedAt) {

    public WatchedBrand {
        schemaVersion = Schema.version(schemaVersion);
        Schema.required(id, "id");
        Schema.required(query, "query");
        name = name == null || name.isBlank() ? id : name;
        languages = Schema.list(languages);
    }
}
