package io.vigie.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Engagement figures as the source reported them at fetch time; any of them may be unknown (null).
 * They are re-read at each poll and published again on the same mention id, so their growth is visible.
 */
public record Engagement(Long views, Long likes, Long dislikes, Long comments, Long shares, Double rating, Long ratingCount) {

    public static final Engagement NONE = new Engagement(null, null, null, null, null, null, null);

    /** A single reach figure: views when known, else the sum of the interactions that are known. */
    public long reach() {
        if (views != null) {
            return views;
        }
        long sum = 0;
        for (Long n : new Long[] {likes, dislikes, comments, shares}) {
            if (n != null) {
                sum += n;
            }
        }
        return sum;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return this.equals(NONE);
    }
}
