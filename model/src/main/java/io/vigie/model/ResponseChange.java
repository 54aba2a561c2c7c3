package io.vigie.model;

import java.time.Instant;

/**
 * One change a person made to a mention's response state, kept in {@link MentionResponse#history()}.
 *
 * @param changeId unique per change: a change delivered twice counts once
 * @param action ASSIGN, ANSWER, NO_ANSWER_NEEDED, NOTE or REOPEN
 * @param actor the signed-in user who made it (from the session, never from a request body)
 * @param assignee ASSIGN: the teammate who handles it
 * @param channel ANSWER: where it was answered
 * @param replyUrl ANSWER: the URL of the reply (optional for a phone call)
 * @param reason NO_ANSWER_NEEDED: why
 * @param note NOTE: the internal note; also allowed beside any other action
 */
public record ResponseChange(
        String changeId,
        String action,
        String actor,
        Instant at,
        String assignee,
        ResponseChannel channel,
        String replyUrl,
        String reason,
        String note) {

    public static final String ASSIGN = "ASSIGN";
    public static final String ANSWER = "ANSWER";
    public static final String NO_ANSWER_NEEDED = "NO_ANSWER_NEEDED";
    public static final String NOTE = "NOTE";
    public static final String REOPEN = "REOPEN";

    public ResponseChange {
        Schema.required(changeId, "changeId");
        Schema.required(action, "action");
        Schema.required(actor, "actor");
        Schema.required(at, "at");
    }
}
