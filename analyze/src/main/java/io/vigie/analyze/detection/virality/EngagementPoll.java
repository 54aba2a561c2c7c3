package io.vigie.analyze.detection.virality;

import io.vigie.model.Engagement;
import java.time.Instant;

/**
 * One reading of an item's engagement as its source reported it: the same item is re-polled and re-published
 * over time, so successive readings show its growth.
 */
public record EngagementPoll(String itemId, String source, Instant at, Long views, Long likes, Long comments) {

    public static EngagementPoll of(String itemId, String source, Instant at, Engagement e) {
        return new EngagementPoll(itemId, source, at, e.views(), e.likes(), e.comments());
    }

    /**
     * One engagement figure: views when known (the reach a crisis video gets), else likes plus ten times the
     * comments (a comment costs more than a like), else -1 when the source reported nothing.
     */
    public long engagement() {
        if (views != null) {
            return views;
        }
        if (likes == null && comments == null) {
            return -1;
        }
        return (likes == null ? 0 : likes) + 10 * (comments == null ? 0 : comments);
    }
}
