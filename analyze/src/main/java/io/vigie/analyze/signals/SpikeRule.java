package io.vigie.analyze.signals;

/**
 * When a minute is unusual. {@code warmupMinutes}: minutes learned before anything can start. {@code startZ}: how
 * many standard deviations above the expected value start an episode; {@code endZ} and {@code endAfterMinutes}:
 * the hysteresis that ends it. {@code minCount}: fewest mentions in a minute that can start a count episode, and
 * fewest mentions for the negative share to be judged at all.
 */
public record SpikeRule(int warmupMinutes, double startZ, double endZ, int endAfterMinutes, long minCount, double alpha) {
    public static final SpikeRule DEFAULT = new SpikeRule(10, 4.0, 2.0, 2, 10, 0.1);

    public SpikeRule {
        if (warmupMinutes < 1 || startZ <= endZ || endAfterMinutes < 1 || minCount < 1 || alpha <= 0 || alpha >= 1) {
            throw new IllegalArgumentException(
                    "spike rule needs warmupMinutes >= 1, startZ > endZ, endAfterMinutes >= 1, minCount >= 1, 0 < alpha < 1");
        }
    }
}
