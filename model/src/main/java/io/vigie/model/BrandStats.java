package io.vigie.model;

import java.time.Instant;
import java.util.List;

/**
 * One brand's figures over one tumbling window: the value of {@code brand.stats}.
 * Emitted several times while the window is open ({@code closed=false}), once more when it closes.
 *
 * @param window window length as an ISO-8601 duration, "PT1M" or "PT1H"
 * @param reach sum of the mentions' reach (views, else interactions)
 */
public record BrandStats(
        int schemaVersion,
        String brand,
        String window,
        Instant windowStart,
        Instant windowEnd,
        boolean closed,
        long volume,
        long negative,
        long neutral,
        long positive,
        double meanSentiment,
        long reach,
        List<KeyCount> topSources,
        List<KeyCount> topTerms,
        Instant emittedAt) {

    public BrandStats {
        schemaVersion = Schema.version(schemaVersion);
        Schema.required(brand, "brand");
        Schema.required(window, "window");
        Schema.required(windowStart, "windowStart");
        topSources = Schema.list(topSources);
        topTerms = Schema.list(topTerms);
    }

    public double negativeShare() {
        return volume == 0 ? 0 : (double) negative / volume;
    }
}
