package io.vigie.analyze.detection.series;

import java.util.SplittableRandom;

/** Reproducible synthetic count series for the detector tests. */
final class SyntheticSeries {
    static final long START = 1_420_070_400_000L; // 2015-01-01T00:00Z, a Thursday
    private final SplittableRandom random;

    SyntheticSeries(long seed) {
        random = new SplittableRandom(seed);
    }

    /** A Poisson draw (Knuth for small means, normal approximation above 500). */
    long poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 500) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double p = 1;
        long k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit);
        return k - 1;
    }

    /** Mean of a series with a daily cycle (peak mid-afternoon) and quieter weekends. */
    static double seasonalMean(double base, long time) {
        double hour = (time / 3_600_000.0) % 24;
        long day = Math.floorMod(Math.floorDiv(time, 86_400_000L) + 3, 7L);
        double weekly = day >= 5 ? 0.6 : 1.0;
        return base * weekly * (1 + 0.7 * Math.sin(2 * Math.PI * (hour - 9) / 24));
    }
}
