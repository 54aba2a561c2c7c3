package io.vigie.alerting.messages;

import io.vigie.model.ScoredMention;
import java.util.Optional;

/** Looks up a scored mention by id, to show the top mentions and the sentiment breakdown of an incident. */
@FunctionalInterface
public interface MentionDetails {
    Optional<ScoredMention> find(String mentionId);

    MentionDetails NONE = id -> Optional.empty();
}
