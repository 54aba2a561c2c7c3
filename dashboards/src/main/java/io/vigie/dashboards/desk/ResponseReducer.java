package io.vigie.dashboards.desk;

import io.vigie.model.MentionResponse;
import io.vigie.model.ResponseChange;
import io.vigie.model.ResponseChannel;
import io.vigie.model.ResponseStatus;
import io.vigie.model.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule that turns a mention's history of changes into its response state. Pure: no clock, no Kafka.
 *
 * <p>A state is the set of its changes (deduplicated by change id) folded in the order of their time, ties broken
 * by change id. So:
 * <ul>
 *   <li>a change delivered twice counts once;</li>
 *   <li>a late change (an older time, read after newer ones) takes its place in time, it does not win by arriving
 *       last;</li>
 *   <li>two people editing at once from stale views both keep their change: {@link #merge} is the union of the
 *       histories, and for a field both set, the later change decides (ties: the greater change id); the history
 *       shows both, so nobody's work disappears without a trace;</li>
 *   <li>{@code version} is the number of changes, so it only grows, and a state with a greater version contains
 *       every change of the same mention's smaller ones once the states are merged.</li>
 * </ul>
 * Status: ASSIGN moves an OPEN mention to ASSIGNED and changes who handles it, but does not reopen an answered one
 * (handing over the follow-up is not un-answering); ANSWER and NO_ANSWER_NEEDED close it; REOPEN opens it again
 * (ASSIGNED when someone handles it). {@code firstAnsweredAt} is the first ANSWER's time and is kept by a reopen:
 * it measures how long the author waited for a first answer.
 */
public final class ResponseReducer {
    static final int MAX_TEXT = 1000;
    private static final Comparator<ResponseChange> IN_TIME =
            Comparator.comparing(ResponseChange::at).thenComparing(ResponseChange::changeId);

    private ResponseReducer() {}

    /** Refuses a change that does not say what it needs to, with the reason (the web app answers 400). */
    public static void check(ResponseChange c) {
        switch (c.action()) {
            case ResponseChange.ASSIGN -> need(c.assignee(), "the teammate to assign it to");
            case ResponseChange.ANSWER -> {
                if (c.channel() == null) {
                    throw new IllegalArgumentException("say where it was answered: the channel is required");
                }
                if (c.channel() == ResponseChannel.SAME_THREAD) {
                    need(c.replyUrl(), "the URL of the reply on the thread");
                }
                if (c.replyUrl() != null && !c.replyUrl().isBlank() && !ReplyLinks.isWebLink(c.replyUrl())) {
                    throw new IllegalArgumentException("the reply URL must be an http(s) link: " + c.replyUrl());
                }
            }
            case ResponseChange.NO_ANSWER_NEEDED -> need(c.reason(), "why no answer is needed");
            case ResponseChange.NOTE -> need(c.note(), "the note");
            case ResponseChange.REOPEN -> { }
            default -> throw new IllegalArgumentException("unknown response action " + c.action());
        }
        for (String text : new String[] {c.note(), c.reason(), c.replyUrl(), c.assignee()}) {
            if (text != null && text.length() > MAX_TEXT) {
                throw new IllegalArgumentException("at most " + MAX_TEXT + " characters");
            }
        }
    }

    /** The state after one more change; {@code current} may be null (nothing was done to the mention yet). */
    public static MentionResponse apply(MentionResponse current, String mentionId, String brand, Instant mentionAt,
            ResponseChange change) {
        check(change);
        List<ResponseChange> changes = new ArrayList<>(current == null ? List.of() : current.history());
        changes.add(change);
        return fold(mentionId,
                current != null && current.brand() != null ? current.brand() : brand,
                current != null && current.mentionAt() != null ? current.mentionAt() : mentionAt,
                changes);
    }

    /** The union of two states of one mention (either may be null): what every instance converges to. */
    public static MentionResponse merge(MentionResponse known, MentionResponse incoming) {
        if (known == null) {
            return incoming == null ? null : fold(incoming.mentionId(), incoming.brand(), incoming.mentionAt(),
                    incoming.history());
        }
        if (incoming == null) {
            return known;
        }
        if (!known.mentionId().equals(incoming.mentionId())) {
            throw new IllegalArgumentException("cannot merge the responses of " + known.mentionId() + " and "
                    + incoming.mentionId());
        }
        List<ResponseChange> changes = new ArrayList<>(known.history());
        changes.addAll(incoming.history());
        return fold(known.mentionId(), known.brand() != null ? known.brand() : incoming.brand(),
                known.mentionAt() != null ? known.mentionAt() : incoming.mentionAt(), changes);
    }

    /** The state a set of changes folds to. */
    public static MentionResponse fold(String mentionId, String brand, Instant mentionAt,
            Collection<ResponseChange> changes) {
        Map<String, ResponseChange> byId = new LinkedHashMap<>();
        for (ResponseChange c : changes) {
            byId.putIfAbsent(c.changeId(), c);
        }
        List<ResponseChange> history = new ArrayList<>(byId.values());
        history.sort(IN_TIME);
        ResponseStatus status = ResponseStatus.OPEN;
        String assignee = null;
        ResponseChannel channel = null;
        String replyUrl = null;
        String reason = null;
        String note = null;
        Instant firstAnsweredAt = null;
        for (ResponseChange c : history) {
            switch (c.action()) {
                case ResponseChange.ASSIGN -> {
                    assignee = c.assignee();
                    if (status == ResponseStatus.OPEN) {
                        status = ResponseStatus.ASSIGNED;
                    }
                }
                case ResponseChange.ANSWER -> {
                    status = ResponseStatus.ANSWERED;
                    channel = c.channel();
                    replyUrl = blankToNull(c.replyUrl());
                    reason = null;
                    if (assignee == null) {
                        assignee = c.actor();
                    }
                    if (firstAnsweredAt == null) {
                        firstAnsweredAt = c.at();
                    }
                }
                case ResponseChange.NO_ANSWER_NEEDED -> {
                    status = ResponseStatus.NO_ANSWER_NEEDED;
                    reason = c.reason();
                    channel = null;
                    replyUrl = null;
                }
                case ResponseChange.REOPEN -> {
                    status = assignee == null ? ResponseStatus.OPEN : ResponseStatus.ASSIGNED;
                    channel = null;
                    replyUrl = null;
                    reason = null;
                }
                default -> { } // NOTE, or an action a newer writer knows: only its note counts here
            }
            if (c.note() != null && !c.note().isBlank()) {
                note = c.note();
            }
        }
        ResponseChange last = history.isEmpty() ? null : history.get(history.size() - 1);
        return new MentionResponse(Schema.VERSION, mentionId, brand, mentionAt, status, assignee, channel, replyUrl,
                reason, note, history.size(), last == null ? null : last.at(), last == null ? null : last.actor(),
                firstAnsweredAt, history);
    }

    private static void need(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("say " + what);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
