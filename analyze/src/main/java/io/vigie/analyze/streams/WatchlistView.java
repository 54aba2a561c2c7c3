package io.vigie.analyze.streams;

import io.vigie.analyze.matching.BrandMatcher;
import io.vigie.analyze.matching.BrandQuery;
import io.vigie.analyze.matching.QueryParseException;
import io.vigie.model.WatchedBrand;
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
 * The watchlist global table as compiled queries. Read for every mention, so an edit applies to the next mention;
 * a brand's query is compiled again only when its text changed.
 */
final class WatchlistView {
    private final ReadOnlyKeyValueStore<String, Object> store;
    private final Map<String, Compiled> compiled = new HashMap<>();
    private List<Compiled> active = List.of();
    private BrandMatcher matcher = new BrandMatcher(Map.of());

    record Compiled(WatchedBrand brand, BrandQuery query, QueryParseException error, Set<String> words) {}

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
                if (!(v instanceof WatchedBrand brand)) {
                    continue;
                }
                seen.add(kv.key);
                Compiled c = compiled.get(kv.key);
                if (c == null || !c.brand().equals(brand)) {
                    changed = true;
                    if (c == null || !c.brand().query().equals(brand.query())) {
                        c = compile(brand);
                        if (c.error() != null) {
                            newlyBroken.add(c);
                        }
                    } else {
                        c = new Compiled(brand, c.query(), c.error(), c.words());
                    }
                    compiled.put(kv.key, c);
                }
                if (c.query() != null && !brand.paused()) {
                    now.add(c);
                }
            }
        }
        changed |= compiled.keySet().retainAll(seen);
        if (changed || now.size() != active.size()) {
            active = List.copyOf(now);
            Map<String, BrandQuery> queries = new LinkedHashMap<>();
            active.forEach(c -> queries.put(c.brand().id(), c.query()));
            matcher = new BrandMatcher(queries);
        }
        return newlyBroken;
    }

    private static Compiled compile(WatchedBrand brand) {
        try {
            BrandQuery q = BrandQuery.parse(brand.query());
            return new Compiled(brand, q, null, q.words());
        } catch (QueryParseException e) {
            return new Compiled(brand, null, e, Set.of());
        }
    }

    BrandMatcher matcher() {
        return matcher;
    }

    Compiled brand(String id) {
        return compiled.get(id);
    }
}
