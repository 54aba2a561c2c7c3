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
import java.util.List;
import org.junit.jupiter.api.Test;

class CopySpreadDetectorTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private final CopySpreadDetector detector = new CopySpreadDetector(CopySpreadDetector.Params.defaults());

    @Test
    void aTextCopiedOnOneOrTwoSitesIsNormalSyndication() {
        CopySpreadDetector.ClusterSpread state = new CopySpreadDetector.ClusterSpread();
        List<ViralityEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.addAll(detector.observe(state, "c1", i % 2 == 0 ? "news.example" : "WIRE.example",
                    T0.plusSeconds(60L * i)));
        }
        assertTrue(events.isEmpty(), "20 copies on 2 hosts: " + events);
        assertEquals(2.0, CopySpreadDetector.distinctHosts(state), "host names compare case-insensitively");
        assertEquals(20, state.copies);
    }

    @Test
    void aTextSpreadingToManySitesStartsGrowsAndEndsWhenItGoesQuiet() throws Exception {
        CopySpreadDetector.ClusterSpread state = new CopySpreadDetector.ClusterSpread();
        List<ViralityEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.addAll(detector.observe(state, "kryptonite-pen", "blog" + i + ".example",
                    T0.plus(Duration.ofMinutes(20L * i))));
        }
        ViralityEvent start = events.get(0);
        assertEquals(SignalPhase.START, start.phase());
        assertEquals(SignalKind.COPY_SPREAD, start.kind());
        assertEquals(4.0, start.observed(), "START at the fourth distinct host");
        assertEquals(T0, start.since());
        assertEquals(0.0144, start.pValue(), 1e-4, "P(3+ extra hosts) under Poisson(0.5)");
        assertTrue(events.stream().anyMatch(e -> e.phase() == SignalPhase.UPDATE && e.observed() >= 6),
                "UPDATE as it keeps spreading: " + events);
        assertTrue(detector.tick(state, "kryptonite-pen", T0.plus(Duration.ofHours(10))).isEmpty(), "still fresh");
        List<ViralityEvent> end = detector.tick(state, "kryptonite-pen", T0.plus(Duration.ofHours(30)));
        assertEquals(SignalPhase.END, end.get(0).phase());
        assertEquals(12, end.get(0).copies());

        String json = VigieJson.newMapper().writeValueAsString(state);
        CopySpreadDetector.ClusterSpread back = VigieJson.newMapper().readValue(json,
                CopySpreadDetector.ClusterSpread.class);
        assertEquals(12.0, CopySpreadDetector.distinctHosts(back));
    }

    @Test
    void distinctHostsStayAccurateAndTheStateBoundedForAThousandHosts() throws Exception {
        CopySpreadDetector.ClusterSpread state = new CopySpreadDetector.ClusterSpread();
        for (int i = 0; i < 1000; i++) {
            detector.observe(state, "c", "site" + i + ".example", T0.plusSeconds(i));
            detector.observe(state, "c", "site" + i + ".example", T0.plusSeconds(i)); // repeats count once
        }
        double estimate = CopySpreadDetector.distinctHosts(state);
        assertTrue(Math.abs(estimate - 1000) < 400, "KMV estimate near 1000: " + estimate);
        assertEquals(2000, state.copies);
        int bytes = VigieJson.newMapper().writeValueAsBytes(state).length;
        assertTrue(bytes <= CopySpreadDetector.MAX_STATE_BYTES, "bounded state: " + bytes);
    }

    @Test
    void aCopyWithoutClusterOrHostIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> detector.observe(new CopySpreadDetector.ClusterSpread(), "c", " ", T0));
    }
}
