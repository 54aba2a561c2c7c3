package io.vigie.analyze.signals;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.Map;

/**
 * What is remembered of one brand's series between minutes: each detector's state (its own byte format), the last
 * minute fed to it, and the episodes already STARTed from an open minute. Mutable; kept in a store.
 */
public final class BrandSeriesState {
    @JsonProperty public Map<String, byte[]> detector = new HashMap<>();
    @JsonProperty public Map<String, Long> lastMinute = new HashMap<>();
    /** Kind → signal id of an episode started early, before its minute closed. */
    @JsonProperty public Map<String, String> startedEarly = new HashMap<>();

    /**
     * Backfilled minutes arrived since the detectors were last rebuilt from the brand's minute history: they are
     * rebuilt, in event-time order, once the backfill stops arriving.
     */
    @JsonProperty public boolean historyPending;

    public boolean anyAlarm() {
        return !startedEarly.isEmpty() || detector.values().stream()
                .anyMatch(b -> io.vigie.analyze.detection.series.SeriesState.fromBytes(b).alarmed());
    }

    public long lastMinuteOf(String kind) {
        return lastMinute.getOrDefault(kind, Long.MIN_VALUE);
    }
}
