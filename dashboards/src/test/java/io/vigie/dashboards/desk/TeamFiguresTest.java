package io.vigie.dashboards.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vigie.model.MentionResponse;
import io.vigie.model.ResponseChange;
import io.vigie.model.ResponseChannel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamFiguresTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    // Thursday 3 December 2026, 15:00 in Paris.
    static final Instant NOW = Instant.parse("2026-12-03T14:00:00Z");

    static MentionResponse answered(String id, String brand, String who, Instant mentionAt, Duration wait) {
        ResponseChange answer = new ResponseChange(id + "-a", ResponseChange.ANSWER, who, mentionAt.plus(wait), null,
                ResponseChannel.EMAIL, null, null, null);
        return ResponseReducer.apply(null, id, brand, mentionAt, answer);
    }

    static MentionResponse assigned(String id) {
        return ResponseReducer.apply(null, id, "bic", NOW.minusSeconds(600), new ResponseChange(id + "-s",
                ResponseChange.ASSIGN, "alice", NOW.minusSeconds(500), "bob", null, null, null, null));
    }

    @Test
    void medianAndP90OfTheTimeToFirstAnswerTodayAndThisWeekPerPersonAndBrand() {
        List<MentionResponse> all = new ArrayList<>();
        Instant thisMorning = Instant.parse("2026-12-03T08:00:00Z");
        for (int i = 1; i <= 10; i++) { // today: 1 to 10 minutes, alice for kryptonite
            all.add(answered("t" + i, "kryptonite", "alice", thisMorning, Duration.ofMinutes(i)));
        }
        // Monday this week, bob for bic: 60 minutes. Last Sunday (before the week): not counted.
        all.add(answered("w1", "bic", "bob", Instant.parse("2026-11-30T09:00:00Z"), Duration.ofMinutes(60)));
        all.add(answered("old", "bic", "bob", Instant.parse("2026-11-29T09:00:00Z"), Duration.ofMinutes(1)));
        all.add(assigned("q1"));
        all.add(assigned("q2"));

        TeamFigures f = TeamFigures.of(all, 5, NOW, PARIS);
        assertEquals(7, f.openQueue(), "two assigned and five nobody touched");
        assertEquals(10, f.today().team().answered());
        assertEquals(Duration.ofMinutes(5), f.today().team().median());
        assertEquals(Duration.ofMinutes(9), f.today().team().p90());
        assertEquals(11, f.thisWeek().team().answered());
        assertEquals(Duration.ofMinutes(6), f.thisWeek().team().median());
        assertEquals(Duration.ofMinutes(10), f.thisWeek().team().p90());
        assertEquals(Duration.ofMinutes(60), f.thisWeek().perPerson().get("bob").median());
        assertEquals(10, f.thisWeek().perBrand().get("kryptonite").answered());
        assertNull(f.today().perPerson().get("bob"));
    }

    @Test
    void aReopenedMentionStillCountsItsFirstAnswerAndWaitsInTheQueueAgain() {
        MentionResponse r = answered("m", "kryptonite", "alice", NOW.minusSeconds(3600), Duration.ofMinutes(10));
        r = ResponseReducer.apply(r, "m", "kryptonite", null, new ResponseChange("m-r", ResponseChange.REOPEN, "bob",
                NOW.minusSeconds(60), null, null, null, null, null));
        TeamFigures f = TeamFigures.of(List.of(r), 0, NOW, PARIS);
        assertEquals(1, f.openQueue());
        assertEquals(Duration.ofMinutes(10), f.today().team().median());
        assertNull(TeamFigures.of(List.of(), 0, NOW, PARIS).today().team().median());
    }
}
