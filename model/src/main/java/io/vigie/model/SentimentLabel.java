package io.vigie.model;

/** Three-way sentiment; the ordinal matches the 0/1/2 labels of the shared data sets. */
public enum SentimentLabel {
    NEGATIVE,
    NEUTRAL,
    POSITIVE;

    /** The label of a shared data set's line: 0 negative, 1 neutral, 2 positive. */
    public static SentimentLabel fromIndex(int index) {
        return switch (index) {
            case 0 -> NEGATIVE;
            case 1 -> NEUTRAL;
            case 2 -> POSITIVE;
            default -> throw new IllegalArgumentException("sentiment label must be 0, 1 or 2, got " + index);
        };
    }
}
