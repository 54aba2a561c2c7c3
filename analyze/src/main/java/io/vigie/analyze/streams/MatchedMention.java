package io.vigie.analyze.streams;

import io.vigie.model.ScoredMention;

/**
 * A mention matched and scored, before clustering: the value of the by-copy-key repartition topic. It keeps
 * where it came from and its original bytes, so a later step can still dead-letter it as it was read.
 *
 * @param update a new version of a mention already counted: it refreshes the scored mention but does not count
 *     again in the statistics
 * @param reachDelta reach gained since the previous version (the whole reach for a first version)
 * @param previous for an update, the brand sentiments the statistics counted for the earlier version (a brand
 *     absent here, newly matched, counts as new for that brand); empty for a first version
 * @param countedAtMs the event time the mention was first counted at: an update corrects the windows of that time
 * @param copySignature the text's MinHash signature ({@link io.vigie.analyze.dedupe.CopyFingerprint#encoded}),
 *     computed once for routing; null in records written before it was carried
 * @param copyWords the text's word count, with the signature
 */
record MatchedMention(
        ScoredMention scored,
        boolean update,
        long reachDelta,
        String sourceTopic,
        int partition,
        long offset,
        byte[] original,
        java.util.Map<String, io.vigie.model.Sentiment> previous,
        Long countedAtMs,
        String copySignature,
        int copyWords) {

    MatchedMention {
        previous = previous == null ? java.util.Map.of() : java.util.Map.copyOf(previous);
    }
}
