package io.vigie.analyze.streams;

import io.vigie.analyze.dedupe.CopyFingerprint;
import io.vigie.analyze.stats.BrandObservation;
import io.vigie.analyze.stats.TermExtractor;
import io.vigie.analyze.streams.InternalSerdes.ClusterState;
import io.vigie.model.RawMention;
import io.vigie.model.ScoredMention;
import io.vigie.model.Sentiment;
import io.vigie.analyze.detection.signal.SpikeSignals;
import io.vigie.analyze.detection.virality.CopySpreadDetector;
import io.vigie.analyze.detection.virality.ViralityEvent;
import io.vigie.model.SignalPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Second step, on the partitions of the by-copy-key repartition topic, where copies of one text meet whatever brands
 * they mention: near-duplicate clustering (MinHash LSH), then the scored mention (keyed by mention id) and one
 * observation per matched brand (keyed by brand) for the statistics.
 *
 * <p>A cluster is about the text; its copy count counts every copy. Copy spread is judged per brand: a brand's
 * spread counts only the copies that mention that brand, so a template sentence posted once for each of many brands
 * ("X lock review: …", "Y lock review: …") is not a copy spreading for any of them.
 */
final class ClusterStep implements Processor<String, MatchedMention, String, Emit> {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterStep.class);
    static final String STAGE = "analyze.cluster";

    private final AnalyzeConfig config;
    private final CopySpreadDetector spreadDetector = new CopySpreadDetector(CopySpreadDetector.Params.defaults());
    private final TermExtractor terms = new TermExtractor(30);
    private WatchlistView watchlist;
    private ProcessorContext<String, Emit> context;
    private WindowStore<String, String> bands;
    private WindowStore<String, ClusterState> clusters;
    private WindowStore<String, String> members;
    private WindowStore<String, CopySpreadDetector.ClusterSpread> brandSpreads;
    private KeyValueStore<String, String> spreadAlerts;

    ClusterStep(AnalyzeConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, Emit> context) {
        this.context = context;
        this.bands = context.getStateStore(AnalyzeTopology.COPY_BANDS_STORE);
        this.clusters = context.getStateStore(AnalyzeTopology.COPY_CLUSTERS_STORE);
        this.members = context.getStateStore(AnalyzeTopology.COPY_MEMBERS_STORE);
        this.brandSpreads = context.getStateStore(AnalyzeTopology.COPY_BRAND_SPREAD_STORE);
        this.spreadAlerts = context.getStateStore(AnalyzeTopology.COPY_SPREAD_ALERTS_STORE);
        context.schedule(Duration.ofMinutes(1), PunctuationType.WALL_CLOCK_TIME, this::endQuietSpreads);
        this.watchlist = new WatchlistView(context.getStateStore(AnalyzeTopology.WATCHLIST_STORE));
    }

    @Override
    public void process(Record<String, MatchedMention> record) {
        MatchedMention mm = record.value();
        ScoredMention s = mm.scored();
        RawMention m = s.mention();
        try {
            String text = m.fullText();
            CopyFingerprint fingerprint = mm.copySignature() == null ? CopyFingerprint.of(text)
                    : new CopyFingerprint(CopyFingerprint.decode(mm.copySignature()), mm.copyWords());
            Cluster cluster = cluster(m, mm.update(), fingerprint, s.brands(), s.backfill());
            ScoredMention scored = new ScoredMention(s.schemaVersion(), m, s.brands(), s.language(),
                    s.languageConfidence(), s.sentiment(), s.brandSentiments(), cluster.id(), cluster.copies(),
                    s.backfill(), s.eventTime(), s.scoredAt());
            context.forward(new Record<>(m.id(), Emit.scored(scored), record.timestamp()));
            watchlist.refresh();
            List<String> mentionTerms = terms.terms(text);
            String source = m.sourceHost() != null && !m.sourceHost().isBlank()
                    ? m.sourceHost().toLowerCase(Locale.ROOT) : m.source();
            for (String b : scored.brands()) {
                Sentiment bs = scored.sentimentFor(b);
                Set<String> own = watchlist.words(b);
                List<String> brandTerms = mentionTerms.stream().filter(t -> !own.contains(t)).limit(15).toList();
                // An update corrects the windows the first version was counted in, swapping its sentiment; a brand
                // the id had never matched counts as new, with the whole reach.
                Sentiment before = mm.update() ? mm.previous().get(b) : null;
                boolean counts = !mm.update() || before == null && !mm.previous().isEmpty();
                long reach = mm.update() && counts ? m.engagement().reach() : mm.reachDelta();
                long at = mm.update() && mm.countedAtMs() != null ? mm.countedAtMs() : s.eventTime().toEpochMilli();
                BrandObservation o = new BrandObservation(b, m.id(), at, counts,
                        s.backfill(), bs.label(), bs.score(), source, brandTerms, reach, cluster.id(),
                        cluster.copiesOf(b), counts || before == null ? null : before.label(),
                        counts || before == null ? null : before.score());
                context.forward(new Record<>(b, Emit.observation(o), record.timestamp()));
            }
        } catch (RuntimeException e) {
            LOG.warn("event=step-failed stage={} id={} error=\"{}\"", STAGE, m.id(), DeadLetters.describe(e));
            context.forward(new Record<>(m.id(), Emit.dead(DeadLetters.of(STAGE, mm.sourceTopic(), mm.partition(),
                    mm.offset(), m.id(), "clustering failed: " + DeadLetters.describe(e), e, mm.original(),
                    context.currentSystemTimeMs())), record.timestamp()));
        }
    }

    /** A text's cluster, its copies whatever the brands, and per brand the copies that mention it. */
    record Cluster(String id, int copies, java.util.Map<String, Integer> brandCopies) {
        int copiesOf(String brand) {
            return brandCopies.getOrDefault(brand, 1);
        }
    }

    /**
     * The cluster of a mention: an update keeps the cluster its id joined; a new text long enough joins the cluster
     * of a candidate sharing an LSH band whose signature is similar enough, or starts its own. Each new copy is
     * counted by the copy-spread detector once for the cluster (its copy count) and once for each brand it
     * mentions (that brand's spread), whose START/UPDATE go to {@code signals} (never for a backfill).
     */
    private Cluster cluster(RawMention m, boolean update, CopyFingerprint f, List<String> brands, boolean backfill) {
        long now = context.currentStreamTimeMs();
        Instant from = Instant.ofEpochMilli(Math.max(0, now - config.dedupeLifetime().toMillis()));
        Instant to = Instant.ofEpochMilli(Long.MAX_VALUE / 2);
        String known = latest(members, m.id(), from, to);
        if (known != null) {
            ClusterState state = latest(clusters, known, from, to);
            java.util.Map<String, Integer> brandCopies = new java.util.HashMap<>();
            for (String brand : brands) {
                CopySpreadDetector.ClusterSpread spread = latest(brandSpreads, spreadKey(known, brand), from, to);
                brandCopies.put(brand, spread == null ? 1 : copies(spread));
            }
            return new Cluster(known, state == null ? 1 : state.copies(), brandCopies);
        }
        if (!f.longEnough()) {
            return new Cluster(m.id(), 1, java.util.Map.of());
        }
        List<String> keys = f.bandKeys();
        String found = null;
        ClusterState foundState = null;
        double best = CopyFingerprint.MIN_SIMILARITY;
        Set<String> tried = new HashSet<>();
        for (String key : keys) {
            try (WindowStoreIterator<String> it = bands.fetch(key, from, to)) {
                while (it.hasNext()) {
                    String candidate = it.next().value;
                    if (!tried.add(candidate)) {
                        continue;
                    }
                    ClusterState state = latest(clusters, candidate, from, to);
                    if (state == null) {
                        continue;
                    }
                    double similarity = CopyFingerprint.similarity(CopyFingerprint.decode(state.signature()), f.signature());
                    if (similarity >= best) {
                        best = similarity;
                        found = candidate;
                        foundState = state;
                    }
                }
            }
        }
        String host = m.sourceHost() == null || m.sourceHost().isBlank() ? m.source() : m.sourceHost();
        String clusterId = found == null ? m.id() : found;
        ClusterState state = found == null ? new ClusterState(f.encoded(), new CopySpreadDetector.ClusterSpread()) : foundState;
        // The cluster's own spread gives its copy count; its events are not signals (they mix brands).
        spreadDetector.observe(state.spread(), clusterId, host, m.fetchedAt());
        clusters.put(clusterId, state, now);
        if (found == null) {
            for (String key : keys) {
                bands.put(key, clusterId, now);
            }
        }
        members.put(m.id(), clusterId, now);
        java.util.Map<String, Integer> brandCopies = new java.util.HashMap<>();
        for (String brand : brands) {
            String spreadKey = spreadKey(clusterId, brand);
            CopySpreadDetector.ClusterSpread spread = latest(brandSpreads, spreadKey, from, to);
            if (spread == null) {
                spread = new CopySpreadDetector.ClusterSpread();
            }
            List<ViralityEvent> events = spreadDetector.observe(spread, clusterId, host, m.fetchedAt());
            brandSpreads.put(spreadKey, spread, now);
            brandCopies.put(brand, copies(spread));
            if (!backfill) {
                for (ViralityEvent e : events) {
                    forwardSpread(e, brand, List.of(m.id(), clusterId));
                }
            }
        }
        return new Cluster(clusterId, state.copies(), brandCopies);
    }

    private static int copies(CopySpreadDetector.ClusterSpread spread) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, spread.copies));
    }

    /** A brand's spread of one cluster: cluster id, a separator no id or brand id contains, brand id. */
    static String spreadKey(String clusterId, String brand) {
        return clusterId + "\u0000" + brand;
    }

    private void forwardSpread(ViralityEvent e, String brand, List<String> mentionIds) {
        if (e.phase() == SignalPhase.END) {
            spreadAlerts.delete(spreadKey(e.subject(), brand));
        } else {
            spreadAlerts.put(spreadKey(e.subject(), brand), brand);
        }
        context.forward(new Record<>(brand, Emit.signal(SpikeSignals.fromVirality(e, brand,
                mentionIds.stream().distinct().toList())), context.currentSystemTimeMs()));
    }

    /** A cluster that stopped spreading sends nothing more: its END comes from here. */
    private void endQuietSpreads(long wallClockMs) {
        long now = context.currentStreamTimeMs();
        Instant from = Instant.ofEpochMilli(Math.max(0, now - config.dedupeLifetime().toMillis()));
        Instant to = Instant.ofEpochMilli(Long.MAX_VALUE / 2);
        List<KeyValue<String, String>> alerted = new ArrayList<>();
        try (KeyValueIterator<String, String> it = spreadAlerts.all()) {
            it.forEachRemaining(alerted::add);
        }
        for (KeyValue<String, String> kv : alerted) {
            int separator = kv.key.indexOf('\u0000');
            if (separator < 0) {
                // An alarm stored before spreads were kept per brand: its cluster-wide spread no longer signals.
                spreadAlerts.delete(kv.key);
                continue;
            }
            String clusterId = kv.key.substring(0, separator);
            CopySpreadDetector.ClusterSpread spread = latest(brandSpreads, kv.key, from, to);
            if (spread == null) {
                spreadAlerts.delete(kv.key);
                continue;
            }
            List<ViralityEvent> events = spreadDetector.tick(spread, clusterId, Instant.ofEpochMilli(wallClockMs));
            if (!events.isEmpty()) {
                brandSpreads.put(kv.key, spread, Math.max(now, 0));
                events.forEach(e -> forwardSpread(e, kv.value, List.of()));
            }
        }
    }

    private static <V> V latest(WindowStore<String, V> store, String key, Instant from, Instant to) {
        try (WindowStoreIterator<V> it = store.backwardFetch(key, from, to)) {
            return it.hasNext() ? it.next().value : null;
        }
    }
}
