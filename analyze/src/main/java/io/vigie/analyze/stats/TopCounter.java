package io.vigie.analyze.stats;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.vigie.model.KeyCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The most frequent keys of a stream in bounded memory (Space-Saving, Metwally et al. 2005): at most
 * {@code capacity} keys are tracked; a new key replaces the least counted one and inherits its count, so a key's
 * count is over-estimated by at most the smallest tracked count, and every key more frequent than n/capacity is kept.
 * A 1-hour window of a busy brand sees tens of thousands of distinct words; exact counting would not be bounded.
 */
public final class TopCounter {
    private final int capacity;
    private final Map<String, Long> counts;

    public TopCounter(int capacity) {
        this(capacity, new LinkedHashMap<>());
    }

    @JsonCreator
    public TopCounter(@JsonProperty("capacity") int capacity, @JsonProperty("counts") Map<String, Long> counts) {
        this.capacity = capacity;
        this.counts = counts == null ? new LinkedHashMap<>() : new LinkedHashMap<>(counts);
    }

    public void add(String key, long n) {
        if (key == null || key.isBlank()) {
            return;
        }
        Long current = counts.get(key);
        if (current != null) {
            counts.put(key, current + n);
        } else if (counts.size() < capacity) {
            counts.put(key, n);
        } else {
            // A plain loop: this runs for most words of a busy window, and a stream's comparator chain cost a fifth
            // of the statistics thread (measured with JFR in the bench).
            String leastKey = null;
            long least = Long.MAX_VALUE;
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                if (e.getValue() < least) {
                    least = e.getValue();
                    leastKey = e.getKey();
                }
            }
            counts.remove(leastKey);
            counts.put(key, least + n);
        }
    }

    public List<KeyCount> top(int n) {
        List<KeyCount> out = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .forEach(e -> out.add(new KeyCount(e.getKey(), e.getValue())));
        return out;
    }

    @JsonProperty("capacity")
    public int capacity() {
        return capacity;
    }

    @JsonProperty("counts")
    public Map<String, Long> counts() {
        return counts;
    }
}
