package io.vigie.analyze.detection.virality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.VigieJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EngagementGrowthDetectorTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aVideoWhoseViewsExplodeIsViralWhileItsSourcesOrdinaryVideosAreNot() throws Exception {
        EngagementGrowthDetector detector = new EngagementGrowthDetector(EngagementGrowthDetector.Params.defaults());
        EngagementGrowthDetector.SourceGrowth source = new EngagementGrowthDetector.SourceGrowth();
        Map<String, EngagementGrowthDetector.ItemGrowth> items = new HashMap<>();
        Map<String, Double> views = new HashMap<>();
        List<ViralityEvent> events = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        // 40 ordinary videos polled hourly for two days: views grow 2 to 8 % an hour.
        for (int hour = 0; hour < 48; hour++) {
            for (int v = 0; v < 40; v++) {
                String id = "video-" + v;
                double now = views.merge(id, 1000.0 + 50 * v, (old, init) -> old * (1.02 + 0.06 * random.nextDouble()));
                events.addAll(poll(detector, source, items, id, hour, Math.round(now)));
            }
        }
        assertTrue(events.isEmpty(), "ordinary growth raises nothing: " + events);
        // The Kryptonite video: 2,000 views, then it triples every hour for five hours, then stalls.
        long[] curve = {2_000, 6_000, 18_000, 54_000, 162_000, 486_000, 490_000, 492_000, 493_000, 494_000};
        List<ViralityEvent> viral = new ArrayList<>();
        for (int i = 0; i < curve.length; i++) {
            viral.addAll(poll(detector, source, items, "kryptonite", 48 + i, curve[i]));
        }
        ViralityEvent start = viral.get(0);
        assertEquals(SignalPhase.START, start.phase());
        assertEquals(SignalKind.ITEM_VIRALITY, start.kind());
        assertEquals("kryptonite", start.subject());
        assertEquals(T0.plus(Duration.ofHours(49)), start.at(), "alarmed at the first tripling");
        assertEquals(T0.plus(Duration.ofHours(48)), start.since(), "since the poll before the surge");
        assertTrue(start.observed() > 10 * start.expected(), "gain vs usual gain: " + start);
        assertTrue(start.pValue() < 1e-6);
        assertTrue(viral.stream().anyMatch(e -> e.phase() == SignalPhase.END), "it ends once it stalls: " + viral);
        assertEquals(1, viral.stream().filter(e -> e.phase() == SignalPhase.START).count());

        byte[] json = VigieJson.newMapper().writeValueAsBytes(source);
        EngagementGrowthDetector.SourceGrowth back = VigieJson.newMapper().readValue(json,
                EngagementGrowthDetector.SourceGrowth.class);
        assertEquals(source.meanGrowth, back.meanGrowth);
        assertTrue(json.length <= EngagementGrowthDetector.MAX_SOURCE_STATE_BYTES, "source state " + json.length);
        byte[] item = VigieJson.newMapper().writeValueAsBytes(items.get("kryptonite"));
        assertTrue(item.length <= EngagementGrowthDetector.MAX_ITEM_STATE_BYTES, "item state " + item.length);
    }

    @Test
    void aSmallItemTriplingFromAHandfulOfViewsIsNotACrisis() {
        EngagementGrowthDetector detector = new EngagementGrowthDetector(EngagementGrowthDetector.Params.defaults());
        EngagementGrowthDetector.SourceGrowth source = new EngagementGrowthDetector.SourceGrowth();
        Map<String, EngagementGrowthDetector.ItemGrowth> items = new HashMap<>();
        for (int hour = 0; hour < 30; hour++) {
            for (int v = 0; v < 10; v++) {
                poll(detector, source, items, "v" + v, hour, 500 + 10L * hour);
            }
        }
        List<ViralityEvent> events = new ArrayList<>();
        long[] tiny = {3, 9, 27, 81};
        for (int i = 0; i < tiny.length; i++) {
            events.addAll(poll(detector, source, items, "tiny", 30 + i, tiny[i]));
        }
        assertTrue(events.isEmpty(), "under " + EngagementGrowthDetector.Params.defaults().minGainPerHour()
                + " engagement an hour, no alarm: " + events);
    }

    @Test
    void aPollWithoutEngagementOrGoingBackInTimeIsRefused() {
        EngagementGrowthDetector detector = new EngagementGrowthDetector(EngagementGrowthDetector.Params.defaults());
        EngagementGrowthDetector.SourceGrowth source = new EngagementGrowthDetector.SourceGrowth();
        EngagementGrowthDetector.ItemGrowth item = new EngagementGrowthDetector.ItemGrowth();
        assertThrows(IllegalArgumentException.class, () -> detector.observe(source, item,
                new EngagementPoll("x", "youtube.com", T0, null, null, null)));
        detector.observe(source, item, new EngagementPoll("x", "youtube.com", T0, 10L, null, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> detector.observe(source, item,
                new EngagementPoll("x", "youtube.com", T0.minusSeconds(60), 20L, null, null)));
        assertTrue(e.getMessage().contains("not after"), e.getMessage());
    }

    private static List<ViralityEvent> poll(EngagementGrowthDetector detector,
            EngagementGrowthDetector.SourceGrowth source, Map<String, EngagementGrowthDetector.ItemGrowth> items,
            String id, int hour, long views) {
        EngagementGrowthDetector.ItemGrowth item = items.computeIfAbsent(id, k -> new EngagementGrowthDetector.ItemGrowth());
        return detector.observe(source, item,
                new EngagementPoll(id, "youtube.com", T0.plus(Duration.ofHours(hour)), views, null, null)).events();
    }
}
