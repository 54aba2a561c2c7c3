package io.vigie.model;

import java.time.Instant;
import java.util.List;

/**
 * How the team handles one mention that needs an answer: the value of the compacted {@code mention.responses}
 * topic, keyed by mention id, written by the dashboards web app and followed by every dashboards instance.
 *
 * <p>The truth is {@code history}: every change, each with its id, who and when. The other fields are the state
 * that history folds to (the dashboards' {@code ResponseReducer} recomputes them on every read, so a writer with a
 * stale view can never make them disagree with the history). Because a record carries the whole history, the one
 * record compaction keeps is enough to rebuild the state.
 *
 * @param mentionAt the mention's event time: the start of its wait for a first answer
 * @param status OPEN, ASSIGNED, ANSWERED or NO_ANSWER_NEEDED
 * @param channel how it was answered: SAME_THREAD (reply on the thread or comment), EMAIL, PHONE, PRIVATE_MESSAGE
 * @param replyUrl the URL of the reply, when there is one
 * @param reason why no answer is needed
 * @param note the latest internal note
 * @param version the number of changes in the history: grows with every change, never goes back
 * @param firstAnsweredAt when it was first marked answered: the end of the wait
 */
public record MentionResponse(
        int schemaVersion,
        String mentionId,
        String brand,
        Instant mentionAt,
        ResponseStatus status,
        String assignee,
        ResponseChannel channel,
        String replyUrl,
        String reason,
        String note,
        long version,
        Instant updatedAt,
        String updatedBy,
        Instant firstAnsweredAt,
        List<ResponseChange> history) {

    public MentionResponse {
        schemaVersion = Schema.version(schemaVersion);
        Schema.required(mentionId, "mentionId");
        status = status == null ? ResponseStatus.OPEN : status;
        history = Schema.list(history);
    }

    /** Still waiting for someone to answer or to decide that no answer is needed. */
    public boolean isWaiting() {
        return status == ResponseStatus.OPEN || status == ResponseStatus.ASSIGNED;
    }
}
