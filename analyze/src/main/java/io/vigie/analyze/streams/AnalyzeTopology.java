package io.vigie.analyze.streams;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigie.analyze.sentiment.MentionSentimentScorer;
import io.vigie.analyze.stats.BrandObservation;
import io.vigie.model.Topics;
import io.vigie.runtime.metrics.StageMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the analyze topologies: the scoring one ({@link #build}, two sub-topologies joined by a named repartition
 * topic, committing every {@code commitIntervalMs}) and the statistics one ({@link #buildStats}, its own application
 * committing at the emission interval), joined by the brand observations topic:
 * <pre>
 *   watchlist ─► watchlist-store (global table, read by every step)
 *   mentions.raw ─► normalize-match-score [mention-versions, engagement-sources] ─► signals (item virality), deadletter
 *                     └─► by-copy-key (repartition: copies of one text meet, whatever their brands)
 *   by-copy-key ─► cluster-copies [copy-bands, copy-clusters, copy-members, copy-brand-spread, copy-spread-alerts]
 *                     ─► mentions.scored, signals (copy spread), deadletter
 *                     └─► <app>-brand-observations (one record per matched brand, keyed by brand)
 *   <app>-brand-observations ─► (application <app>-stats) stats-and-signals [brand-stats-windows, brand-signal-series] ─► brand.stats, signals, deadletter
 * </pre>
 */
public final class AnalyzeTopology {
    public static final String WATCHLIST_STORE = "watchlist-store";
    public static final String VERSIONS_STORE = "mention-versions";
    public static final String COPY_BANDS_STORE = "copy-bands";
    public static final String COPY_CLUSTERS_STORE = "copy-clusters";
    public static final String COPY_MEMBERS_STORE = "copy-members";
    public static final String COPY_SPREAD_ALERTS_STORE = "copy-spread-alerts";
    public static final String COPY_BRAND_SPREAD_STORE = "copy-brand-spread";
    public static final String ENGAGEMENT_SOURCES_STORE = "engagement-sources";
    public static final String STATS_WINDOWS_STORE = "brand-stats-windows";
    public static final String SIGNAL_SERIES_STORE = "brand-signal-series";
    /** brand·minute → that minute's counts (backfilled and live), the history a brand's detectors are rebuilt from. */
    public static final String MINUTE_HISTORY_STORE = "brand-minute-history";
    public static final String BY_COPY_KEY = "by-copy-key";
    public static final String BY_BRAND = "brand-observations";
    /** Segment size of the stats stores' changelogs: what the broker keeps beyond the open windows, at most. */
    public static final int STATS_CHANGELOG_SEGMENT_BYTES = 8 * 1024 * 1024;

    private AnalyzeTopology() {}

    public static Topology build(AnalyzeConfig c, MentionSentimentScorer scorer) {
        return build(c, scorer, new StageMetrics(new SimpleMeterRegistry(), "analyze"));
    }

    /** The scoring topology, counting what it takes in and passes on in {@code metrics} (see {@link MentionStep}). */
    public static Topology build(AnalyzeConfig c, MentionSentimentScorer scorer, StageMetrics metrics) {
        StreamsBuilder b = new StreamsBuilder();
        Duration lifetime = c.dedupeLifetime();
        Duration slot = Duration.ofMillis(1);

        // Raw bytes: the steps compare them on every mention and decode only what changed (see WatchlistView).
        b.globalTable(Topics.WATCHLIST,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-watchlist"),
                Materialized.<String, byte[]>as(Stores.inMemoryKeyValueStore(WATCHLIST_STORE))
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));

        // Segments the broker can drop or compact within the hour: without them a changelog keeps its 1 GiB active
        // segment (up to 7 days) beyond the store's lifetime.
        Map<String, String> changelog = Map.of(TopicConfig.SEGMENT_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024),
                TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Duration.ofHours(1).toMillis()),
                TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.5");
        b.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(VERSIONS_STORE, lifetime, slot, false),
                Serdes.String(), InternalSerdes.seenVersion()).withCachingDisabled().withLoggingEnabled(changelog));
        b.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(COPY_BANDS_STORE, lifetime, slot, true),
                Serdes.String(), Serdes.String()).withCachingDisabled().withLoggingEnabled(changelog));
        b.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(COPY_CLUSTERS_STORE, lifetime, slot, false),
                Serdes.String(), InternalSerdes.cluster()).withCachingDisabled().withLoggingEnabled(changelog));
        b.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(COPY_MEMBERS_STORE, lifetime, slot, false),
                Serdes.String(), Serdes.String()).withCachingDisabled().withLoggingEnabled(changelog));
        b.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(COPY_BRAND_SPREAD_STORE, lifetime, slot, false),
                Serdes.String(), InternalSerdes.spread()).withCachingDisabled().withLoggingEnabled(changelog));
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COPY_SPREAD_ALERTS_STORE),
                Serdes.String(), Serdes.String()).withCachingDisabled().withLoggingEnabled(changelog));
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ENGAGEMENT_SOURCES_STORE),
                Serdes.String(), InternalSerdes.sourceGrowth()).withCachingDisabled().withLoggingEnabled(changelog));

        KStream<byte[], byte[]> raw = b.stream(Topics.MENTIONS_RAW,
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-mentions-raw"));
        KStream<String, Emit> matched = raw.process(() -> new MentionStep(c, scorer, metrics),
                Named.as("normalize-match-score"), VERSIONS_STORE, ENGAGEMENT_SOURCES_STORE);
        deadLetters(matched, "mention");
        signals(matched, "mention");

        KStream<String, MatchedMention> byCopyKey = matched
                .filter((k, e) -> e.matched() != null, Named.as("matched-only"))
                .mapValues(Emit::matched, Named.as("unwrap-matched"))
                .repartition(Repartitioned.<String, MatchedMention>as(BY_COPY_KEY)
                        .withKeySerde(Serdes.String()).withValueSerde(InternalSerdes.matched()));
        KStream<String, Emit> scored = byCopyKey.process(() -> new ClusterStep(c),
                Named.as("cluster-copies"), COPY_BANDS_STORE, COPY_CLUSTERS_STORE, COPY_MEMBERS_STORE,
                COPY_BRAND_SPREAD_STORE, COPY_SPREAD_ALERTS_STORE);
        deadLetters(scored, "cluster");
        signals(scored, "cluster");
        scored.filter((k, e) -> e.scored() != null, Named.as("scored-only"))
                .mapValues(Emit::scored, Named.as("unwrap-scored"))
                .to(Topics.MENTIONS_SCORED, Produced.with(Serdes.String(), JsonSerdes.scored()).withName("write-mentions-scored"));

        // Stats and series signals run in their own application (buildStats): their transactions, at the emission
        // interval, never hold up the scored output, which commits every commitIntervalMs.
        scored.filter((k, e) -> e.observation() != null, Named.as("observations-only"))
                .mapValues(Emit::observation, Named.as("unwrap-observation"))
                .to(observationsTopic(c), Produced.with(Serdes.String(), InternalSerdes.observation()).withName("write-brand-observations"));
        return b.build();
    }

    /**
     * The statistics application: per brand, the 1-minute and 1-hour windows and the series detectors, read from
     * the brand observations the scoring topology writes (keyed by brand, read_committed).
     */
    public static Topology buildStats(AnalyzeConfig c) {
        StreamsBuilder b = new StreamsBuilder();
        // A brand's open windows change with every mention: the record cache turns those writes into one store and
        // changelog write per window per commit, and this application commits at the emission interval. Small
        // segments let the broker compact the changelog down to the open windows (closed ones are deleted).
        Map<String, String> changelog = Map.of(TopicConfig.SEGMENT_BYTES_CONFIG, String.valueOf(STATS_CHANGELOG_SEGMENT_BYTES),
                TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Duration.ofMinutes(10).toMillis()),
                TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.5");
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATS_WINDOWS_STORE),
                Serdes.String(), InternalSerdes.window()).withCachingEnabled().withLoggingEnabled(changelog));
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SIGNAL_SERIES_STORE),
                Serdes.String(), InternalSerdes.series()).withCachingEnabled().withLoggingEnabled(changelog));
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MINUTE_HISTORY_STORE),
                Serdes.String(), InternalSerdes.minute()).withCachingEnabled().withLoggingEnabled(Map.of()));
        KStream<String, BrandObservation> byBrand = b.stream(observationsTopic(c),
                Consumed.with(Serdes.String(), InternalSerdes.observation()).withName("read-brand-observations"));
        KStream<String, Emit> figures = byBrand.process(() -> new StatsSignalsStep(c),
                Named.as("stats-and-signals"), STATS_WINDOWS_STORE, SIGNAL_SERIES_STORE, MINUTE_HISTORY_STORE);
        deadLetters(figures, "stats");
        figures.filter((k, e) -> e.stats() != null, Named.as("stats-only"))
                .mapValues(Emit::stats, Named.as("unwrap-stats"))
                .to(Topics.BRAND_STATS, Produced.with(Serdes.String(), JsonSerdes.stats()).withName("write-brand-stats"));
        signals(figures, "stats");
        return b.build();
    }

    /** The topic between the two applications: one observation per scored mention and matched brand, keyed by brand. */
    public static String observationsTopic(AnalyzeConfig c) {
        return c.applicationId() + "-" + BY_BRAND;
    }

    /** The statistics application's id: its own consumer group, transactions and state. */
    public static String statsApplicationId(AnalyzeConfig c) {
        return c.applicationId() + "-stats";
    }

    private static void signals(KStream<String, Emit> stream, String step) {
        stream.filter((k, e) -> e.signal() != null, Named.as(step + "-signals-only"))
                .mapValues(Emit::signal, Named.as(step + "-unwrap-signal"))
                .to(Topics.SIGNALS, Produced.with(Serdes.String(), JsonSerdes.signal()).withName(step + "-write-signals"));
    }

    private static void deadLetters(KStream<String, Emit> stream, String step) {
        stream.filter((k, e) -> e.dead() != null, Named.as(step + "-dead-letters-only"))
                .mapValues(Emit::dead, Named.as(step + "-unwrap-dead-letter"))
                .to(Topics.DEADLETTER, Produced.with(Serdes.String(), JsonSerdes.deadLetter()).withName(step + "-write-dead-letters"));
    }

    /**
     * The Streams settings the topology is meant to run with: exactly-once v2, the configured commit interval,
     * unreadable watchlist records logged and skipped (mentions are decoded inside the topology, never here).
     */
    public static Properties streamsProperties(AnalyzeConfig c) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, c.applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, c.commitIntervalMs());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, c.threads());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 16L * 1024 * 1024);
        p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.NO_OPTIMIZATION);
        // A scored mention carries its text and HTML; leave room above the 256 KiB input limit.
        p.put(StreamsConfig.producerPrefix("max.request.size"), 1_048_576);
        p.put(StreamsConfig.producerPrefix("linger.ms"), 5);
        return p;
    }

    /**
     * The statistics application's settings: exactly-once v2 too, one thread, committing at the emission interval
     * (the step also asks for a commit right after each emission, so {@code brand.stats} is visible at once).
     */
    public static Properties statsStreamsProperties(AnalyzeConfig c) {
        Properties p = streamsProperties(c);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, statsApplicationId(c));
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) Math.max(c.commitIntervalMs(), c.emitInterval().toMillis()));
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        return p;
    }
}
