package io.vigie.analyze.sentiment.evaluation;

import java.util.List;
import java.util.function.Function;

/**
 * One scorer's pass over a split: its predicted labels, class probabilities and throughput.
 *
 * @param scorer name shown in the table
 * @param predicted label per text (0, 1, 2)
 * @param probabilities negative/neutral/positive per text
 * @param mentionsPerSecond single-thread rate of the timed pass, warm-up excluded (wall clock)
 * @param mentionsPerCpuSecond the same per second of the thread's CPU time: what one core would do on an idle
 *     machine, less sensitive to other processes sharing it
 */
public record ScorerRun(String scorer, int[] predicted, double[][] probabilities, double mentionsPerSecond,
                        double mentionsPerCpuSecond) {
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of the current thread in nanoseconds, or -1 when the JVM cannot tell. */
    public static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /**
     * Scores every text once to warm up (at most {@code warmUp} texts), then times a full pass.
     *
     * @param probabilitiesOf text to negative/neutral/positive probabilities
     * @param labelOf the scorer's own label from those probabilities and the text
     */
    public static ScorerRun measure(String scorer, List<String> texts, int warmUp,
                                    Function<String, double[]> probabilitiesOf,
                                    java.util.function.BiFunction<String, double[], Integer> labelOf) {
        // Warm-up cycles through the texts, so that a small split still lets the JIT compile the hot paths.
        for (int i = 0; i < warmUp && !texts.isEmpty(); i++) {
            String text = texts.get(i % texts.size());
            labelOf.apply(text, probabilitiesOf.apply(text));
        }
        int[] predicted = new int[texts.size()];
        double[][] probabilities = new double[texts.size()][];
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) {
            probabilities[i] = probabilitiesOf.apply(texts.get(i));
            predicted[i] = labelOf.apply(texts.get(i), probabilities[i]);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpuNanos() - cpuStart) / 1e9;
        return new ScorerRun(scorer, predicted, probabilities, texts.size() / Math.max(seconds, 1e-9),
                cpuStart < 0 ? Double.NaN : texts.size() / Math.max(cpuSeconds, 1e-9));
    }

    /** The average of two runs' probabilities over the same texts. */
    public static ScorerRun average(String scorer, ScorerRun a, ScorerRun b) {
        int n = a.predicted.length;
        int[] predicted = new int[n];
        double[][] p = new double[n][3];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 0; k < 3; k++) {
                p[i][k] = (a.probabilities[i][k] + b.probabilities[i][k]) / 2;
                if (p[i][k] > p[i][best]) {
                    best = k;
                }
            }
            predicted[i] = best;
        }
        double rate = 1 / (1 / a.mentionsPerSecond + 1 / b.mentionsPerSecond);
        double cpuRate = 1 / (1 / a.mentionsPerCpuSecond + 1 / b.mentionsPerCpuSecond);
        return new ScorerRun(scorer, predicted, p, rate, cpuRate);
    }

    public ScorerRun first(int k) {
        return new ScorerRun(scorer, java.util.Arrays.copyOf(predicted, k), java.util.Arrays.copyOf(probabilities, k),
                mentionsPerSecond, mentionsPerCpuSecond);
    }
}
