package io.vigie.analyze.streams;

import io.vigie.analyze.matching.BrandQuery;
import io.vigie.analyze.matching.QueryParseException;
import io.vigie.model.WatchedBrand;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/** The words of each brand's query, kept out of that brand's top terms ("kryptonite" is not news about Kryptonite). */
final class WatchlistWords {
    private ReadOnlyKeyValueStore<String, Object> store;
    private final Map<String, Map.Entry<String, Set<String>>> byBrand = new HashMap<>();

    void init(ReadOnlyKeyValueStore<String, Object> store) {
        this.store = store;
    }

    Set<String> of(String brand) {
        Object v = store.get(brand);
        if (v instanceof ValueAndTimestamp<?> vt) {
            v = vt.value();
        }
        if (!(v instanceof WatchedBrand b)) {
            return Set.of();
        }
        Map.Entry<String, Set<String>> cached = byBrand.get(brand);
        if (cached == null || !cached.getKey().equals(b.query())) {
            Set<String> words;
            try {
                words = BrandQuery.parse(b.query()).words();
            } catch (QueryParseException e) {
                words = Set.of();
            }
            cached = Map.entry(b.query(), words);
            byBrand.put(brand, cached);
        }
        return cached.getValue();
    }
}
