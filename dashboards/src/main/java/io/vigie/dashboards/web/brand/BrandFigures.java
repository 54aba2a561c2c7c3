package io.vigie.dashboards.web.brand;

import java.util.List;

/**
 * What the brand page shows of its range, from Elasticsearch (mentions scored before {@code cutMillis}).
 *
 * @param times bucket starts, epoch seconds (uPlot's x axis)
 * @param volume mentions per bucket
 * @param expected the usual volume per bucket (mean of the same time of day over the 7 days before), and its band
 *     {@code expectedLow}..{@code expectedHigh} (mean ± 2√mean, the spread of a Poisson count)
 * @param shareOfVoice per competitor set holding the brand, each brand's mentions in the range
 */
public record BrandFigures(
        String brand,
        long cutMillis,
        long bucketMillis,
        List<Long> times,
        List<Long> volume,
        List<Double> expected,
        List<Double> expectedLow,
        List<Double> expectedHigh,
        List<Long> negative,
        List<Long> neutral,
        List<Long> positive,
        long total,
        List<Count> languages,
        List<Count> sources,
        List<Count> hosts,
        List<Author> authorsByCount,
        List<Author> authorsByReach,
        List<Term> topTerms,
        List<Term> significantTerms,
        List<ShareOfVoice> shareOfVoice) {

    public record Count(String key, long count) {}

    public record Author(String author, long mentions, long reach) {}

    /** @param score Elasticsearch's significance score; {@code background} its count in the background set */
    public record Term(String term, long count, long background, double score) {}

    public record ShareOfVoice(String set, List<Count> brands, long total) {
        public long percentOf(long count) {
            return total == 0 ? 0 : Math.round(100.0 * count / total);
        }
    }
}
