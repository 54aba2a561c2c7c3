package io.vigie.analyze.detection.virality;

import io.vigie.analyze.detection.series.Probabilities;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Copy spread: one text or link whose near-duplicate copies appear on several sites. The caller computes the
 * near-duplicate cluster id (SimHash) and gives each copy as (clusterId, host, time); this class counts copies and
 * distinct hosts per cluster over time and raises an alarm when a cluster reaches more hosts than texts usually
 * do (a press release is syndicated to a couple of sites; a crisis is copied everywhere).
 *
 * <p>Distinct hosts are counted exactly up to {@value #SKETCH} hosts, then estimated with a k-minimum-values
 * sketch (relative error about 1/sqrt(k)), so a cluster's state stays under {@link #MAX_STATE_BYTES} however far
 * it spreads. A cluster's state is the plain object {@link ClusterSpread}, serialisable with
 * {@code VigieJson.newMapper()}.
 */
public final class CopySpreadDetector {
    static final int SKETCH = 32;
    /** Upper bound of a {@link ClusterSpread} serialised as JSON, cluster id excluded (it is the store key). */
    public static final int MAX_STATE_BYTES = 1024;

    /**
     * @param usualExtraHosts how many hosts besides the first a text usually reaches (Poisson mean)
     * @param minHosts fewest distinct hosts for an alarm
     * @param hostsHalf extra hosts that map to score 0.5 ({@code score = x / (x + hostsHalf)}, x = hosts - 1)
     * @param quiet a spread ends once no copy has been seen for this long
     */
    public record Params(double usualExtraHosts, int minHosts, double hostsHalf, Duration quiet) {
        public static Params defaults() {
            return new Params(0.5, 4, 4.0, Duration.ofHours(24));
        }
    }

    /** One cluster's spread so far. */
    public static final class ClusterSpread {
        public long firstAt;
        public long lastAt;
        public long copies;
        /** The smallest host hashes seen, ascending, at most {@value CopySpreadDetector#SKETCH}. */
        public long[] hostHashes = new long[0];
        public boolean alerted;
        public long since;
        public double reportedHosts;
    }

    private final Params params;

    public CopySpreadDetector(Params params) {
        this.params = params;
    }

    /**
     * Records one copy and says whether the cluster's spread changed its alarm state.
     *
     * @throws IllegalArgumentException when the cluster id or host is blank
     */
    public List<ViralityEvent> observe(ClusterSpread state, String clusterId, String host, Instant at) {
        if (clusterId == null || clusterId.isBlank() || host == null || host.isBlank()) {
            throw new IllegalArgumentException("a copy needs a cluster id and a host, got '" + clusterId + "', '"
                    + host + "'");
        }
        long t = at.toEpochMilli();
        if (state.copies == 0) {
            state.firstAt = t;
        }
        List<ViralityEvent> events = new ArrayList<>(1);
        if (state.alerted && t - state.lastAt >= params.quiet().toMillis()) {
            events.add(event(state, clusterId, SignalPhase.END, Instant.ofEpochMilli(state.lastAt)));
            state.alerted = false;
        }
        state.copies++;
        state.lastAt = Math.max(state.lastAt, t);
        state.hostHashes = insert(state.hostHashes, hash(host.toLowerCase(java.util.Locale.ROOT)));
        double hosts = distinctHosts(state);
        double score = score(hosts);
        if (!state.alerted && hosts >= params.minHosts()) {
            state.alerted = true;
            state.since = state.firstAt;
            state.reportedHosts = hosts;
            events.add(event(state, clusterId, SignalPhase.START, at));
        } else if (state.alerted && hosts >= state.reportedHosts * 1.5) {
            state.reportedHosts = hosts;
            events.add(event(state, clusterId, SignalPhase.UPDATE, at));
        }
        return events;
    }

    /**
     * Ends the alarm of a cluster that has gone quiet; the caller runs it from a wall-clock punctuator, since a
     * cluster that stops spreading sends nothing more.
     */
    public List<ViralityEvent> tick(ClusterSpread state, String clusterId, Instant now) {
        if (state.alerted && now.toEpochMilli() - state.lastAt >= params.quiet().toMillis()) {
            state.alerted = false;
            return List.of(event(state, clusterId, SignalPhase.END, now));
        }
        return List.of();
    }

    /** Distinct hosts seen: exact below the sketch size, a KMV estimate above. */
    public static double distinctHosts(ClusterSpread state) {
        long[] h = state.hostHashes;
        if (h.length < SKETCH) {
            return h.length;
        }
        double kth = (h[SKETCH - 1] >>> 10) * 0x1.0p-53; // the k-th smallest hash as a fraction of the hash space
        return (SKETCH - 1) / Math.max(kth, 1e-18);
    }

    private double score(double hosts) {
        double extra = Math.max(hosts - 1, 0);
        return extra / (extra + params.hostsHalf());
    }

    private ViralityEvent event(ClusterSpread state, String clusterId, SignalPhase phase, Instant at) {
        double hosts = distinctHosts(state);
        double p = Probabilities.poissonUpperTail(hosts - 1, params.usualExtraHosts());
        return new ViralityEvent(SignalKind.COPY_SPREAD, phase, clusterId, null, Instant.ofEpochMilli(state.since),
                at, hosts, 1 + params.usualExtraHosts(), score(hosts), p, state.copies, 0);
    }

    private static long[] insert(long[] sorted, long h) {
        int i = Arrays.binarySearch(sorted, h);
        if (i >= 0) {
            return sorted; // host already counted
        }
        int at = -i - 1;
        if (at >= SKETCH) {
            return sorted;
        }
        int size = Math.min(sorted.length + 1, SKETCH);
        long[] out = new long[size];
        System.arraycopy(sorted, 0, out, 0, at);
        out[at] = h;
        System.arraycopy(sorted, at, out, at + 1, size - at - 1);
        return out;
    }

    /** 64-bit FNV-1a with a final avalanche, non-negative, so hashes sort as unsigned fractions. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h >>> 1;
    }
}
