package io.vigie.analyze.streams;

import io.vigie.analyze.dedupe.CopyFingerprint;
import io.vigie.analyze.dedupe.VersionCheck;
import io.vigie.analyze.detection.signal.SpikeSignals;
import io.vigie.analyze.detection.virality.EngagementGrowthDetector;
import io.vigie.analyze.detection.virality.EngagementPoll;
import io.vigie.analyze.detection.virality.ViralityEvent;
import io.vigie.analyze.normalize.MentionNormalizer;
import io.vigie.analyze.sentiment.MentionSentiment;
import io.vigie.analyze.sentiment.MentionSentimentScorer;
import io.vigie.analyze.streams.InternalSerdes.SeenVersion;
import io.vigie.model.JsonSerde;
import io.vigie.model.RawMention;
import io.vigie.model.Schema;
import io.vigie.model.ScoredMention;
import io.vigie.model.Sentiment;
import io.vigie.model.Topics;
import io.vigie.model.UndecodableRecordException;
import io.vigie.runtime.metrics.StageMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First step, on the partitions of {@code mentions.raw} (keyed by mention id, so every version of an id meets the
 * same store): size check, decode, normalise, version check (a re-delivery becomes nothing, a re-publication an
 * update), brand matching against the watchlist global table, language and sentiment scoring. Hands the mention on
 * keyed by its copy routing key ({@link CopyFingerprint#routingKey}), so copies of one text meet in the clustering
 * step whatever brands they mention; the record time is the event time.
 */
final class MentionStep implements Processor<byte[], byte[], String, Emit> {
    private static final Logger LOG = LoggerFactory.getLogger(MentionStep.class);
    static final String STAGE = "analyze.mention";
    static final String WATCHLIST_STAGE = "analyze.watchlist";

    private final AnalyzeConfig config;
    private final MentionNormalizer normalizer;
    private final MentionSentimentScorer scorer;
    private final StageMetrics metrics;
    private final JsonSerde<RawMention> rawSerde = JsonSerdes.raw();
    private ProcessorContext<String, Emit> context;
    private WindowStore<String, SeenVersion> versions;
    private WatchlistView watchlist;
    private KeyValueStore<String, EngagementGrowthDetector.SourceGrowth> sources;
    private final EngagementGrowthDetector growthDetector = new EngagementGrowthDetector(EngagementGrowthDetector.Params.defaults());
    private long duplicates;

    /**
     * @param metrics where the step counts the raw records it takes in, the matched mentions it passes on, its dead
     *                letters and the raw → scored hop (from the raw record's timestamp, ingest's write, to the scoring).
     *                Counted as processed: a transaction that aborts and is retried counts its records again.
     */
    MentionStep(AnalyzeConfig config, MentionSentimentScorer scorer, StageMetrics metrics) {
        this.config = config;
        this.scorer = scorer;
        this.metrics = metrics;
        this.normalizer = new MentionNormalizer(config.lateness());
    }

    @Override
    public void init(ProcessorContext<String, Emit> context) {
        this.context = context;
        this.versions = context.getStateStore(AnalyzeTopology.VERSIONS_STORE);
        this.watchlist = new WatchlistView(context.getStateStore(AnalyzeTopology.WATCHLIST_STORE));
        this.sources = context.getStateStore(AnalyzeTopology.ENGAGEMENT_SOURCES_STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        String topic = meta == null ? null : meta.topic();
        Integer partition = meta == null ? null : meta.partition();
        Long offset = meta == null ? null : meta.offset();
        byte[] value = record.value();
        metrics.mentionsIn(1);
        try {
            reportBrokenQueries(record.timestamp());
            if (value != null && value.length > config.maxMentionBytes()) {
                dead(record, topic, partition, offset, "value of " + value.length + " bytes is over the limit of "
                        + config.maxMentionBytes() + " bytes (analyze.maxMentionBytes)", null);
                return;
            }
            RawMention raw;
            try {
                raw = rawSerde.decode(value);
            } catch (UndecodableRecordException e) {
                dead(record, topic, partition, offset, e.getMessage(), e);
                return;
            }
            MentionNormalizer.Result n = normalizer.normalize(raw);
            RawMention m = n.mention();
            long storeTime = Math.max(context.currentStreamTimeMs(), record.timestamp());
            long from = Math.max(0, storeTime - config.dedupeLifetime().toMillis());
            SeenVersion seen = latest(m.id(), from, storeTime);
            String hash = m.provenance() == null ? null : m.provenance().contentHash();
            VersionCheck check = VersionCheck.of(seen == null ? null : seen.version(),
                    seen == null ? null : seen.contentHash(), m.version(), hash);
            if (check == VersionCheck.DUPLICATE) {
                duplicates++;
                if (Long.bitCount(duplicates) == 1) {
                    LOG.info("event=duplicate-dropped id={} version={} duplicatesSoFar={}", m.id(), m.version(), duplicates);
                }
                return;
            }
            String text = m.fullText();
            List<String> brands = watchlist.matcher().brandsIn(text);
            List<String> kept = List.of();
            MentionSentiment s = null;
            if (!brands.isEmpty()) {
                s = scorer.score(text, m.languageHint(), watchlist.matcher().sentencePredicates(brands));
                kept = keepLanguages(brands, s.language());
            }
            long reach = m.engagement().reach();
            boolean counted = seen != null && seen.matched();
            EngagementGrowthDetector.ItemGrowth growth = seen == null || seen.growth() == null
                    ? new EngagementGrowthDetector.ItemGrowth() : seen.growth();
            List<ViralityEvent> viral = kept.isEmpty() || n.backfill() ? List.of() : observeGrowth(m, growth);
            CopyFingerprint fingerprint = kept.isEmpty() ? null : CopyFingerprint.of(text);
            String copyKey = seen != null && seen.copyKey() != null ? seen.copyKey()
                    : fingerprint == null ? null : fingerprint.routingKey(m.id());
            Map<String, Sentiment> counting = new HashMap<>();
            if (s != null) {
                for (String b : kept) {
                    Sentiment bs = s.byBrand() == null ? null : s.byBrand().get(b);
                    counting.put(b, bs != null ? bs : s.whole());
                }
            }
            Map<String, Sentiment> previous = counted && seen.brandSentiments() != null ? seen.brandSentiments() : Map.of();
            // What the statistics hold for this id: every brand it was ever counted for, with its latest sentiment.
            Map<String, Sentiment> held = new HashMap<>(previous);
            held.putAll(counting);
            long countedAt = counted && seen.countedAtMs() != null ? seen.countedAtMs() : n.eventTime().toEpochMilli();
            versions.put(m.id(), new SeenVersion(m.version(), hash, reach, counted || !kept.isEmpty(), growth,
                    counted || !kept.isEmpty() ? copyKey : null, held.isEmpty() ? null : held,
                    counted || !kept.isEmpty() ? countedAt : null), storeTime);
            if (kept.isEmpty()) {
                return;
            }
            for (ViralityEvent e : viral) {
                for (String b : kept) {
                    context.forward(new Record<>(b, Emit.signal(SpikeSignals.fromVirality(e, b, List.of(m.id()))),
                            n.eventTime().toEpochMilli()));
                }
            }
            Map<String, Sentiment> byBrand = new HashMap<>();
            for (String b : kept) {
                Sentiment bs = s.byBrand() == null ? null : s.byBrand().get(b);
                if (bs != null) {
                    byBrand.put(b, bs);
                }
            }
            ScoredMention scored = new ScoredMention(Schema.VERSION, m, kept, s.language(), s.languageConfidence(),
                    s.whole(), byBrand, null, 1, n.backfill(), n.eventTime(), Instant.ofEpochMilli(context.currentSystemTimeMs()));
            long reachDelta = counted ? reach - seen.reach() : reach;
            MatchedMention out = new MatchedMention(scored, counted, reachDelta, topic, partition == null ? -1 : partition,
                    offset == null ? -1 : offset, value, counted ? previous : Map.of(), countedAt, fingerprint.encoded(),
                    fingerprint.words());
            context.forward(new Record<>(copyKey, Emit.matched(out), n.eventTime().toEpochMilli()));
            metrics.mentionsOut(1);
            metrics.hop("raw-scored", Instant.ofEpochMilli(record.timestamp()), scored.scoredAt());
        } catch (RuntimeException e) {
            LOG.warn("event=step-failed stage={} topic={} partition={} offset={} error=\"{}\"", STAGE, topic, partition,
                    offset, DeadLetters.describe(e));
            dead(record, topic, partition, offset, "analysis failed: " + DeadLetters.describe(e), e);
        }
    }

    /**
     * Item virality: the engagement of each version of an item against its source's usual growth. The source
     * baseline is learned per partition of {@code mentions.raw} (items are spread over partitions by id hash, so
     * every partition sees a fair sample of each source's items).
     */
    private List<ViralityEvent> observeGrowth(RawMention m, EngagementGrowthDetector.ItemGrowth item) {
        EngagementPoll poll = EngagementPoll.of(m.id(), m.source(), m.fetchedAt(), m.engagement());
        if (poll.engagement() < 0) {
            return List.of();
        }
        EngagementGrowthDetector.SourceGrowth source = sources.get(m.source());
        if (source == null) {
            source = new EngagementGrowthDetector.SourceGrowth();
        }
        try {
            List<ViralityEvent> events = growthDetector.observe(source, item, poll).events();
            sources.put(m.source(), source);
            return events;
        } catch (IllegalArgumentException e) {
            // An engagement reading older than the last one: the mention is fine, its growth is not measurable.
            LOG.debug("event=engagement-poll-skipped id={} reason=\"{}\"", m.id(), e.getMessage());
            return List.of();
        }
    }

    private List<String> keepLanguages(List<String> brands, String language) {
        List<String> kept = new ArrayList<>(brands.size());
        for (String b : brands) {
            List<String> languages = watchlist.brand(b).brand().languages();
            if (languages.isEmpty() || language == null || languages.stream().anyMatch(l -> l.equalsIgnoreCase(language))) {
                kept.add(b);
            }
        }
        return kept;
    }

    /** Refreshes the watchlist; a query that does not parse is dead-lettered once, with its position. */
    private void reportBrokenQueries(long timestamp) {
        for (WatchlistView.Compiled broken : watchlist.refresh()) {
            String id = broken.id();
            LOG.warn("event=watchlist-record-refused brand={} error=\"{}\"", id, broken.error());
            byte[] original = broken.brand() == null ? broken.bytes() : broken.brand().query().getBytes(StandardCharsets.UTF_8);
            context.forward(new Record<>(id, Emit.dead(DeadLetters.of(WATCHLIST_STAGE, Topics.WATCHLIST, null, null, id,
                    broken.error(), null, original, context.currentSystemTimeMs())), timestamp));
        }
    }

    private SeenVersion latest(String id, long from, long to) {
        try (WindowStoreIterator<SeenVersion> it = versions.backwardFetch(id, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))) {
            return it.hasNext() ? it.next().value : null;
        }
    }

    private void dead(Record<byte[], byte[]> record, String topic, Integer partition, Long offset, String reason, Throwable e) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        metrics.deadLetter(reason);
        context.forward(new Record<>(key, Emit.dead(DeadLetters.of(STAGE, topic, partition, offset, key, reason, e,
                record.value(), context.currentSystemTimeMs())), record.timestamp()));
    }
}
