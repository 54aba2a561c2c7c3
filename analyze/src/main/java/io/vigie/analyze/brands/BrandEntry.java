package io.vigie.analyze.brands;

import io.vigie.query.BrandQuery;
import io.vigie.model.Schema;
import io.vigie.model.WatchedBrand;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the configuration's {@code brands:} section.
 *
 * <pre>
 * brands:
 *   - id: kryptonite
 *     name: Kryptonite
 *     query: '(kryptonite OR "kryptonite lock") -superman -"clark kent"'
 *     languages: [fr, en]
 * </pre>
 */
public record BrandEntry(String id, String name, String query, List<String> languages, Boolean paused) {

    public BrandEntry {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
        if (!id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("id '" + id + "' must be lower-case letters, digits, '.', '_' or '-'"
                    + " (at most 64), starting with a letter or digit");
        }
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query is required");
        }
        languages = languages == null ? List.of() : List.copyOf(languages);
        paused = paused != null && paused;
    }

    /** Throws {@link io.vigie.query.QueryParseException} when the query does not parse. */
    public WatchedBrand toWatchedBrand(Instant now) {
        BrandQuery.parse(query);
        return new WatchedBrand(Schema.VERSION, id, name, query, languages, paused, now);
    }
}
