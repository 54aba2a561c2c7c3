package io.vigie.analyze.stats;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.vigie.model.BrandStats;
import io.vigie.model.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One brand's running figures over one window, kept in a store between records. Mutable on purpose: it is updated
 * for every mention and written back; what leaves the topology is the immutable {@link BrandStats}.
 */
public final class WindowAccumulator {
    static final int TOP_CAPACITY = 100;
    static final int TOP_SHOWN = 10;
    static final int DRIVER_IDS = 20;

    @JsonProperty public String brand;
    @JsonProperty public String window;
    @JsonProperty public long startMs;
    @JsonProperty public long endMs;
    @JsonProperty public long volume;
    @JsonProperty public long negative;
    @JsonProperty public long neutral;
    @JsonProperty public long positive;
    @JsonProperty public double scoreSum;
    @JsonProperty public long reach;
    @JsonProperty public TopCounter sources = new TopCounter(TOP_CAPACITY);
    @JsonProperty public TopCounter terms = new TopCounter(TOP_CAPACITY);
    /** Ids of the mentions that weigh most in this window (highest reach, then first seen). */
    @JsonProperty public List<Driver> drivers = new ArrayList<>();
    /** Ids of the negative mentions that weigh most. */
    @JsonProperty public List<Driver> negativeDrivers = new ArrayList<>();
    /** Changed since it was last emitted. */
    @JsonProperty public boolean dirty;

    public record Driver(String id, long reach) {}

    @JsonCreator
    public WindowAccumulator() {}

    public static WindowAccumulator open(String brand, Duration size, long startMs) {
        WindowAccumulator a = new WindowAccumulator();
        a.brand = brand;
        a.window = size.toString();
        a.startMs = startMs;
        a.endMs = startMs + size.toMillis();
        return a;
    }

    public void add(BrandObservation o) {
        dirty = true;
        reach += o.reach();
        if (!o.counts()) {
            if (o.previousLabel() != null) {
                // A new version of a mention counted here: its sentiment replaces the earlier one's.
                take(o.previousLabel());
                scoreSum -= o.previousScore() == null ? 0 : o.previousScore();
                count(o.label());
                scoreSum += o.score();
            }
            return;
        }
        volume++;
        count(o.label());
        scoreSum += o.score();
        sources.add(o.source(), 1);
        o.terms().forEach(t -> terms.add(t, 1));
        keep(drivers, new Driver(o.mentionId(), o.reach()));
        if (o.label() == io.vigie.model.SentimentLabel.NEGATIVE) {
            keep(negativeDrivers, new Driver(o.mentionId(), o.reach()));
        }
    }

    private void count(io.vigie.model.SentimentLabel label) {
        switch (label) {
            case NEGATIVE -> negative++;
            case NEUTRAL -> neutral++;
            case POSITIVE -> positive++;
        }
    }

    /** Never below zero: a window that did not count the earlier version (it came late) has nothing to give back. */
    private void take(io.vigie.model.SentimentLabel label) {
        switch (label) {
            case NEGATIVE -> negative = Math.max(0, negative - 1);
            case NEUTRAL -> neutral = Math.max(0, neutral - 1);
            case POSITIVE -> positive = Math.max(0, positive - 1);
        }
    }

    /** Keeps the list sorted by reach, highest first, first seen first among equals, at most DRIVER_IDS long. */
    private static void keep(List<Driver> list, Driver d) {
        int at = list.size();
        while (at > 0 && list.get(at - 1).reach() < d.reach()) {
            at--;
        }
        if (at >= DRIVER_IDS) {
            return;
        }
        list.add(at, d);
        if (list.size() > DRIVER_IDS) {
            list.remove(list.size() - 1);
        }
    }

    public BrandStats toStats(boolean closed, Instant emittedAt) {
        return new BrandStats(Schema.VERSION, brand, window, Instant.ofEpochMilli(startMs), Instant.ofEpochMilli(endMs),
                closed, volume, negative, neutral, positive, volume == 0 ? 0 : scoreSum / volume, reach,
                sources.top(TOP_SHOWN), terms.top(TOP_SHOWN), emittedAt);
    }

    public List<String> driverIds(boolean negativeOnly) {
        return (negativeOnly ? negativeDrivers : drivers).stream().map(Driver::id).toList();
    }
}
