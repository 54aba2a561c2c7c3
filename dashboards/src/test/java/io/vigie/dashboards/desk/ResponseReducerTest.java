package io.vigie.dashboards.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.model.MentionResponse;
import io.vigie.model.ResponseChange;
import io.vigie.model.ResponseChannel;
import io.vigie.model.ResponseStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseReducerTest {
    static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

    static ResponseChange assign(String id, int second, String actor, String to) {
        return new ResponseChange(id, ResponseChange.ASSIGN, actor, T0.plusSeconds(second), to, null, null, null, null);
    }

    static ResponseChange answer(String id, int second, String actor, ResponseChannel channel, String url) {
        return new ResponseChange(id, ResponseChange.ANSWER, actor, T0.plusSeconds(second), null, channel, url, null,
                null);
    }

    static ResponseChange change(String id, String action, int second, String actor) {
        return new ResponseChange(id, action, actor, T0.plusSeconds(second), null, null, null,
                ResponseChange.NO_ANSWER_NEEDED.equals(action) ? "spam" : null,
                ResponseChange.NOTE.equals(action) ? "called the shop" : null);
    }

    static MentionResponse after(ResponseChange... changes) {
        MentionResponse state = null;
        for (ResponseChange c : changes) {
            state = ResponseReducer.apply(state, "m1", "kryptonite", T0, c);
        }
        return state;
    }

    @Test
    void aReassignedMentionIsHandledByTheLastAssignee() {
        MentionResponse r = after(assign("c1", 10, "alice", "bob"), assign("c2", 20, "bob", "carol"));
        assertEquals(ResponseStatus.ASSIGNED, r.status());
        assertEquals("carol", r.assignee());
        assertEquals(2, r.version());
        assertEquals("bob", r.updatedBy());
    }

    @Test
    void anAnswerAfterAReassignmentClosesItAndKeepsWhoHandlesIt() {
        MentionResponse r = after(assign("c1", 10, "alice", "bob"), assign("c2", 20, "alice", "carol"),
                answer("c3", 90, "carol", ResponseChannel.SAME_THREAD, "https://forum.example/t/1#r2"));
        assertEquals(ResponseStatus.ANSWERED, r.status());
        assertEquals("carol", r.assignee());
        assertEquals(ResponseChannel.SAME_THREAD, r.channel());
        assertEquals("https://forum.example/t/1#r2", r.replyUrl());
        assertEquals(T0.plusSeconds(90), r.firstAnsweredAt());
    }

    @Test
    void aLateAssignmentTakesItsPlaceInTimeAndDoesNotReopenTheAnswer() {
        MentionResponse answered = after(answer("c2", 90, "bob", ResponseChannel.EMAIL, null));
        MentionResponse late = ResponseReducer.apply(answered, "m1", "kryptonite", T0,
                assign("c1", 10, "alice", "bob"));
        assertEquals(ResponseStatus.ANSWERED, late.status());
        assertEquals("bob", late.assignee());
        assertEquals(List.of("c1", "c2"), late.history().stream().map(ResponseChange::changeId).toList());
        // A hand-over after the answer changes who follows up, not whether it was answered.
        MentionResponse handedOver = ResponseReducer.apply(late, "m1", "kryptonite", T0,
                assign("c3", 200, "bob", "carol"));
        assertEquals(ResponseStatus.ANSWERED, handedOver.status());
        assertEquals("carol", handedOver.assignee());
    }

    @Test
    void aDuplicateChangeCountsOnce() {
        ResponseChange a = assign("c1", 10, "alice", "bob");
        MentionResponse once = after(a);
        MentionResponse twice = ResponseReducer.apply(once, "m1", "kryptonite", T0, a);
        assertEquals(once, twice);
        assertEquals(1, twice.version());
        assertEquals(once, ResponseReducer.merge(once, once));
    }

    @Test
    void concurrentEditsFromStaleViewsBothSurviveAndTheLaterOneDecides() {
        MentionResponse base = after(assign("c1", 10, "alice", "bob"));
        // Two instances write from the same version: bob answers, carol reassigns to dave a second later.
        MentionResponse bobs = ResponseReducer.apply(base, "m1", "kryptonite", T0,
                answer("c2", 60, "bob", ResponseChannel.PHONE, null));
        MentionResponse carols = ResponseReducer.apply(base, "m1", "kryptonite", T0, assign("c3", 61, "carol", "dave"));
        assertEquals(bobs.version(), carols.version(), "both think they wrote version 2");
        MentionResponse oneWay = ResponseReducer.merge(bobs, carols);
        MentionResponse otherWay = ResponseReducer.merge(carols, bobs);
        assertEquals(oneWay, otherWay, "every instance converges, whatever it read first");
        assertEquals(3, oneWay.version());
        assertEquals(ResponseStatus.ANSWERED, oneWay.status());
        assertEquals("dave", oneWay.assignee());
    }

    @Test
    void twoAnswersAtOnceKeepTheFirstAnswerTimeAndTheLaterChannel() {
        MentionResponse base = after(assign("c1", 10, "alice", "bob"));
        MentionResponse bobs = ResponseReducer.apply(base, "m1", "kryptonite", T0,
                answer("c2", 60, "bob", ResponseChannel.EMAIL, null));
        MentionResponse alices = ResponseReducer.apply(base, "m1", "kryptonite", T0,
                answer("c3", 70, "alice", ResponseChannel.PRIVATE_MESSAGE, "https://x.example/dm/1"));
        MentionResponse merged = ResponseReducer.merge(alices, bobs);
        assertEquals(ResponseChannel.PRIVATE_MESSAGE, merged.channel());
        assertEquals(T0.plusSeconds(60), merged.firstAnsweredAt());
    }

    @Test
    void reopeningGoesBackToTheAssigneeAndKeepsTheFirstAnswerTime() {
        MentionResponse r = after(assign("c1", 10, "alice", "bob"),
                answer("c2", 60, "bob", ResponseChannel.PHONE, null),
                change("c3", ResponseChange.REOPEN, 100, "alice"));
        assertEquals(ResponseStatus.ASSIGNED, r.status());
        assertNull(r.channel());
        assertEquals(T0.plusSeconds(60), r.firstAnsweredAt());
        assertTrue(r.isWaiting());
    }

    @Test
    void noAnswerNeededCarriesItsReasonAndANoteStays() {
        MentionResponse r = after(change("c1", ResponseChange.NOTE, 5, "alice"),
                change("c2", ResponseChange.NO_ANSWER_NEEDED, 30, "alice"));
        assertEquals(ResponseStatus.NO_ANSWER_NEEDED, r.status());
        assertEquals("spam", r.reason());
        assertEquals("called the shop", r.note());
        assertNull(r.firstAnsweredAt());
    }

    @Test
    void changesThatDoNotSayWhatTheyNeedAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> after(assign("c1", 1, "alice", " ")));
        assertThrows(IllegalArgumentException.class, () -> after(answer("c1", 1, "bob", null, null)));
        assertThrows(IllegalArgumentException.class,
                () -> after(answer("c1", 1, "bob", ResponseChannel.SAME_THREAD, null)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> after(answer("c1", 1, "bob", ResponseChannel.EMAIL, "javascript:alert(1)")));
        assertTrue(e.getMessage().contains("http"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> after(new ResponseChange("c1",
                ResponseChange.NO_ANSWER_NEEDED, "bob", T0, null, null, null, null, null)));
        assertThrows(IllegalArgumentException.class, () -> after(new ResponseChange("c1", "DELETE", "bob", T0,
                null, null, null, null, null)));
    }
}
