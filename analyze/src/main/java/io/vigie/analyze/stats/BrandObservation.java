package io.vigie.analyze.stats;

import io.vigie.model.SentimentLabel;
import java.util.List;

/**
 * What one scored mention contributes to one brand's series: the value of the brand observations topic
 * between the scoring and the statistics applications.
 *
 * @param counts false for an update of a mention already counted: it only adds {@code reach}
 * @param reach reach gained (the whole reach for a first version, the growth for an update)
 * @param score the brand-targeted sentiment polarity in [-1, 1]
 * @param previousLabel for an update, the label counted for the earlier version, taken back before {@code label}
 *     is counted (null: nothing to take back)
 * @param previousScore the polarity counted for the earlier version, with {@code previousLabel}
 */
public record BrandObservation(
        String brand,
        String mentionId,
        long eventTimeMs,
        boolean counts,
        boolean backfill,
        SentimentLabel label,
        double score,
        String source,
        List<String> terms,
        long reach,
        String clusterId,
        int copyCount,
        SentimentLabel previousLabel,
        Double previousScore) {

    public BrandObservation {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }
}
