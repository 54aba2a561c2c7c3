package io.vigie.analyze.streams;

import io.vigie.analyze.matching.BrandMatcher;
import io.vigie.query.BrandQuery;
import io.vigie.query.QueryParseException;
import io.vigie.model.JsonSerde;
import io.vigie.model.UndecodableRecordException;
import io.vigie.model.WatchedBrand;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The watchlist global table as compiled queries. Read for every mention, so an edit applies to the next mention:
 * the table holds raw bytes, compared with the last ones seen, so a read costs no JSON parsing and a brand is decoded
 * and compiled again only when its record changed. An unreadable record or a query that does not parse is reported
 * once per record.
 */
final class WatchlistView {
    private final ReadOnlyKeyValueStore<String, Object> store;
    private final JsonSerde<WatchedBrand> serde = JsonSerdes.watchedBrand();
    private final Map<String, Compiled> compiled = new HashMap<>();
    private List<Compiled> active = List.of();
    private BrandMatcher matcher = new BrandMatcher(Map.of());

    /**
     * One watchlist entry: its raw bytes (compared on every refresh, which costs no JSON parsing), the brand, and
     * its compiled query or why it could not be read or compiled.
     */
    record Compiled(String id, byte[] bytes, WatchedBrand brand, BrandQuery query, String error, Set<String> words) {}

    WatchlistView(ReadOnlyKeyValueStore<String, Object> store) {
        this.store = store;
    }

    /**
     * Refreshes from the table; returns the brands whose query was found unparsable since the last refresh (each
     * reported once per query text).
     */
    List<Compiled> refresh() {
        List<Compiled> newlyBroken = new ArrayList<>();
        List<Compiled> now = new ArrayList<>();
        boolean changed = false;
        Set<String> seen = new java.util.HashSet<>();
        try (KeyValueIterator<String, Object> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, Object> kv = it.next();
                Object v = kv.value instanceof ValueAndTimestamp<?> vt ? vt.value() : kv.value;
                if (!(v instanceof byte[] bytes)) {
                    continue;
                }
                seen.add(kv.key);
                Compiled c = compiled.get(kv.key);
                if (c == null || !Arrays.equals(c.bytes(), bytes)) {
                    changed = true;
                    c = compile(kv.key, bytes);
                    if (c.error() != null) {
                        newlyBroken.add(c);
                    }
                    compiled.put(kv.key, c);
                }
                if (c.query() != null && !c.brand().paused()) {
                    now.add(c);
                }
            }
        }
        changed |= compiled.keySet().retainAll(seen);
        if (changed) {
            active = List.copyOf(now);
            Map<String, BrandQuery> queries = new LinkedHashMap<>();
            active.forEach(c -> queries.put(c.brand().id(), c.query()));
            matcher = new BrandMatcher(queries);
        }
        return newlyBroken;
    }

    private Compiled compile(String id, byte[] bytes) {
        WatchedBrand brand;
        try {
            brand = serde.decode(bytes);
        } catch (UndecodableRecordException e) {
            return new Compiled(id, bytes, null, null, "watchlist record for '" + id + "' is unreadable: " + e.getMessage(), Set.of());
        }
        try {
            BrandQuery q = BrandQuery.parse(brand.query());
            return new Compiled(id, bytes, brand, q, null, q.words());
        } catch (QueryParseException e) {
            return new Compiled(id, bytes, brand, null, "brand query does not parse, brand ignored until fixed: " + e.getMessage(),
                    Set.of());
        }
    }

    BrandMatcher matcher() {
        return matcher;
    }

    Compiled brand(String id) {
        return compiled.get(id);
    }

    /** The words of a brand's query (kept out of its top terms), or none. */
    Set<String> words(String id) {
        Compiled c = compiled.get(id);
        return c == null ? Set.of() : c.words();
    }
}
