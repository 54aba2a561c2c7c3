package io.vigie.ingest.poll;

import io.vigie.model.DeadLetter;
import io.vigie.model.IngestState;
import io.vigie.model.RawMention;
import java.util.List;

/**
 * What one poll produced: the mentions to publish (new ids, new versions), dead letters for entries that could
 * not become mentions, the feed's state after the poll, the sources it discovered (threads listed by a forum
 * index or a sitemap) and the sources it knows changed (articles whose sitemap lastmod moved: they are polled at
 * once, as on a push notice); all are committed together or not at all.
 */
public record PollOutcome(IngestState.Feed feedState, List<RawMention> mentions, List<DeadLetter> deadLetters,
                          int entriesParsed, boolean failed, List<IngestState.Source> discovered,
                          List<String> changed) {
    public PollOutcome {
        mentions = List.copyOf(mentions);
        deadLetters = List.copyOf(deadLetters);
        discovered = discovered == null ? List.of() : List.copyOf(discovered);
        changed = changed == null ? List.of() : List.copyOf(changed);
    }

    public PollOutcome(IngestState.Feed feedState, List<RawMention> mentions, List<DeadLetter> deadLetters,
                       int entriesParsed, boolean failed, List<IngestState.Source> discovered) {
        this(feedState, mentions, deadLetters, entriesParsed, failed, discovered, List.of());
    }

    public PollOutcome(IngestState.Feed feedState, List<RawMention> mentions, List<DeadLetter> deadLetters,
                       int entriesParsed, boolean failed) {
        this(feedState, mentions, deadLetters, entriesParsed, failed, List.of());
    }
}
