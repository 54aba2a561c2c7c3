package io.vigie.ingest.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigie.model.DeadLetter;
import io.vigie.model.MentionKind;
import io.vigie.model.RawMention;
import io.vigie.runtime.metrics.MetricNames;
import io.vigie.runtime.metrics.StageMetrics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeteredPollSinkTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:10Z");

    private static RawMention mention(String id, Instant fetchedAt) {
        return new RawMention(1, id, 1, "forum", "forum.example", MentionKind.POST, "https://forum.example/" + id,
                null, null, null, "t", "text", null, List.of(), List.of(), null, fetchedAt, "en", null, null);
    }

    private static DeadLetter deadLetter(String reason) {
        return new DeadLetter(1, "ingest", null, null, null, "k", reason, null, null, NOW);
    }

    @Test
    void countsWhatTheDelegateMadeDurableAndNothingWhenItThrows() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<PollOutcome> committed = new ArrayList<>();
        boolean[] fail = {false};
        PollSink delegate = (url, outcome) -> {
            if (fail[0]) {
                throw new IllegalStateException("transaction aborted");
            }
            committed.add(outcome);
        };
        MeteredPollSink sink = new MeteredPollSink(delegate, new StageMetrics(registry, "ingest"),
                Clock.fixed(NOW, ZoneOffset.UTC));
        sink.commit("https://forum.example/feed", new PollOutcome(null,
                List.of(mention("a", NOW.minusSeconds(2)), mention("b", NOW.minusSeconds(4))),
                List.of(deadLetter("entry without identity: <item 3>")), 3, false));
        fail[0] = true;
        assertThrows(IllegalStateException.class, () -> sink.commit("https://forum.example/feed",
                new PollOutcome(null, List.of(mention("c", NOW)), List.of(), 1, false)));

        assertEquals(1, committed.size());
        assertEquals(3, registry.get(MetricNames.MENTIONS_IN).tag("stage", "ingest").counter().count());
        assertEquals(2, registry.get(MetricNames.MENTIONS_OUT).tag("stage", "ingest").counter().count());
        assertEquals(1, registry.get(MetricNames.DEAD_LETTERS).tag("reason", "entry without identity").counter().count());
        assertEquals(1, registry.get(MetricNames.FEEDS_POLLED).tag("outcome", "ok").counter().count());
        var hop = registry.get(MetricNames.HOP_LATENCY).tag("hop", "fetched-raw").timer();
        assertEquals(2, hop.count());
        assertEquals(6.0, hop.totalTime(java.util.concurrent.TimeUnit.SECONDS), 1e-9);
    }
}
