package io.vigie.analyze.sentiment.evaluation;

import java.util.List;

/**
 * Counts of (gold, predicted) over the three labels, and the scores TweetEval and DEFT report.
 * Rows are gold labels, columns predictions, in the order negative, neutral, positive.
 */
public record ConfusionMatrix(long[][] counts) {
    public static final List<String> LABELS = List.of("negative", "neutral", "positive");

    public static ConfusionMatrix of(List<Integer> gold, int[] predicted) {
        if (gold.size() != predicted.length) {
            throw new IllegalArgumentException(gold.size() + " gold labels but " + predicted.length + " predictions");
        }
        long[][] c = new long[3][3];
        for (int i = 0; i < predicted.length; i++) {
            c[gold.get(i)][predicted[i]]++;
        }
        return new ConfusionMatrix(c);
    }

    public long total() {
        long t = 0;
        for (long[] row : counts) {
            for (long v : row) {
                t += v;
            }
        }
        return t;
    }

    public double accuracy() {
        long total = total();
        return total == 0 ? 0 : (double) (counts[0][0] + counts[1][1] + counts[2][2]) / total;
    }

    public double recall(int label) {
        long gold = counts[label][0] + counts[label][1] + counts[label][2];
        return gold == 0 ? 0 : (double) counts[label][label] / gold;
    }

    public double precision(int label) {
        long predicted = counts[0][label] + counts[1][label] + counts[2][label];
        return predicted == 0 ? 0 : (double) counts[label][label] / predicted;
    }

    public double f1(int label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** TweetEval sentiment's official metric. */
    public double macroRecall() {
        return (recall(0) + recall(1) + recall(2)) / 3;
    }

    /** UMSAB / DEFT's official metric. */
    public double macroF1() {
        return (f1(0) + f1(1) + f1(2)) / 3;
    }
}
