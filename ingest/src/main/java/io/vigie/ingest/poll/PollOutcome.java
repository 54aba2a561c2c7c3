package io.vigie.ingest.poll;

import io.vigie.model.DeadLetter;
import io.vigie.model.IngestState;
import io.vigie.model.RawMention;
import java.util.List;

/**
 * What one poll produced: the mentions to publish (new ids, new versions), dead letters for entries that could
 * not become mentions, and the feed's state after the poll; all three are committed together or not at all.
 */
public record PollOutcome(IngestState.Feed feedState, List<RawMention> mentions, List<DeadLetter> deadLetters,
                          int entriesParsed, boolean failed) {
    public PollOutcome {
        mentions = List.copyOf(mentions);
        deadLetters = List.copyOf(deadLetters);
    }
}
