package io.vigie.ingest.poll;

import io.vigie.model.DeadLetter;
import io.vigie.model.IngestState;
import io.vigie.model.RawMention;
import java.util.List;

/**
 * What one poll produced: the mentions to publish (new ids, new versions), dead letters for entries that could
 * not become mentions, the feed's state after the poll, and the sources it discovered (threads listed by a forum
 * index); all are committed together or not at all.
 */
public record PollOutcome(IngestState.Feed feedState, List<RawMention> mentions, List<DeadLetter> deadLetters,
                          int entriesParsed, boolean failed, List<IngestState.Source> discovered) {
    public PollOutcome {
        mentions = List.copyOf(mentions);
        deadLetters = List.copyOf(deadLetters);
        discovered = discovered == null ? List.of() : List.copyOf(discovered);
    }

    public PollOutcome(IngestState.Feed feedState, List<RawMention> mentions, List<DeadLetter> deadLetters,
                       int entriesParsed, boolean failed) {
        this(feedState, mentions, deadLetters, entriesParsed, failed, List.of());
    }
}
