package io.vigie.alerting;

import io.vigie.model.Direction;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import java.time.Instant;
import java.util.List;

/** Spike signals as a detector would write them, for tests. */
public final class Signals {
    private Signals() {}

    public static SpikeSignal signal(String id, String brand, SignalKind kind, SignalPhase phase, Instant at,
            double observed, double expected) {
        return new SpikeSignal(1, id, brand, kind, phase, Direction.RISE, null, at.minusSeconds(300), at, observed,
                expected, 0.99, 0.001, kind + " of " + brand + " is " + observed + " vs " + expected,
                List.of("m-1", "m-2"));
    }
}
