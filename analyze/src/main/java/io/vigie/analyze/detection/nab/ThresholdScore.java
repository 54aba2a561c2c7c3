package io.vigie.analyze.detection.nab;

/**
 * NAB's raw score of a detector at one threshold, with its point counts (probationary rows excluded): a row of
 * a {@code <detector>_<profile>_scores.csv} file.
 */
public record ThresholdScore(double threshold, double score, int tp, int tn, int fp, int fn) {
    public int total() {
        return tp + tn + fp + fn;
    }
}
