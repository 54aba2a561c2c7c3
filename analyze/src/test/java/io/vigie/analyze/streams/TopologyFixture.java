package io.vigie.analyze.streams;

import io.vigie.analyze.sentiment.MentionSentimentScorer;
import io.vigie.model.BrandStats;
import io.vigie.model.DeadLetter;
import io.vigie.model.Engagement;
import io.vigie.model.MentionKind;
import io.vigie.model.Provenance;
import io.vigie.model.RawMention;
import io.vigie.model.Schema;
import io.vigie.model.ScoredMention;
import io.vigie.model.SpikeSignal;
import io.vigie.model.Topics;
import io.vigie.model.WatchedBrand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The analyze topology in a TopologyTestDriver, with helpers to feed mentions and brands and read every output. */
final class TopologyFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    final TopologyTestDriver driver;
    /** The statistics application, fed with what the scoring one writes to the brand observations topic. */
    final TopologyTestDriver statsDriver;
    private final TestOutputTopic<String, byte[]> observationsOut;
    private final TestInputTopic<String, byte[]> observationsIn;
    final TestInputTopic<byte[], byte[]> raw;
    final TestInputTopic<String, WatchedBrand> watchlist;
    final TestOutputTopic<String, ScoredMention> scored;
    final TestOutputTopic<String, BrandStats> stats;
    final MergedOutput<SpikeSignal> signals;
    final MergedOutput<DeadLetter> dead;
    final AnalyzeConfig config;

    TopologyFixture(AnalyzeConfig config) {
        this(config, new KeywordSentimentScorer());
    }

    TopologyFixture(AnalyzeConfig config, MentionSentimentScorer scorer) {
        this.config = config;
        Properties p = AnalyzeTopology.streamsProperties(config);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("analyze-ttd").toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        driver = new TopologyTestDriver(AnalyzeTopology.build(config, scorer), p, T0);
        Properties ps = AnalyzeTopology.statsStreamsProperties(config);
        ps.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            ps.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("analyze-stats-ttd").toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        statsDriver = new TopologyTestDriver(AnalyzeTopology.buildStats(config), ps, T0);
        String observations = AnalyzeTopology.observationsTopic(config);
        observationsOut = driver.createOutputTopic(observations, new StringDeserializer(), new ByteArrayDeserializer());
        observationsIn = statsDriver.createInputTopic(observations, new StringSerializer(), new ByteArraySerializer());
        raw = driver.createInputTopic(Topics.MENTIONS_RAW, new ByteArraySerializer(), new ByteArraySerializer());
        watchlist = driver.createInputTopic(Topics.WATCHLIST, new StringSerializer(), JsonSerdes.watchedBrand());
        scored = driver.createOutputTopic(Topics.MENTIONS_SCORED, new StringDeserializer(), JsonSerdes.scored());
        stats = statsDriver.createOutputTopic(Topics.BRAND_STATS, new StringDeserializer(), JsonSerdes.stats());
        signals = new MergedOutput<>(driver.createOutputTopic(Topics.SIGNALS, new StringDeserializer(), JsonSerdes.signal()),
                statsDriver.createOutputTopic(Topics.SIGNALS, new StringDeserializer(), JsonSerdes.signal()));
        dead = new MergedOutput<>(driver.createOutputTopic(Topics.DEADLETTER, new StringDeserializer(), JsonSerdes.deadLetter()),
                statsDriver.createOutputTopic(Topics.DEADLETTER, new StringDeserializer(), JsonSerdes.deadLetter()));
    }

    static AnalyzeConfig testConfig() {
        return new AnalyzeConfig("analyze-test", 1, 100, 4096, Duration.ofMinutes(2), Duration.ofHours(6),
                Duration.ofHours(1), Duration.ofSeconds(1), new AnalyzeConfig.Spikes(Duration.ofMinutes(3), Duration.ofMinutes(2)));
    }

    void brand(String id, String query) {
        watchlist.pipeInput(id, new WatchedBrand(Schema.VERSION, id, id, query, List.of(), false, T0));
    }

    static RawMention mention(String id, long version, String host, String text, Instant published, Instant fetched) {
        return new RawMention(Schema.VERSION, id, version, host, host, MentionKind.POST, "https://" + host + "/" + id,
                null, null, "author", "", text, null, List.of(), List.of(), published, fetched, "en",
                new Engagement(null, 3L, null, null, null, null, null),
                new Provenance("feed", host, "https://" + host + "/feed", "h" + version));
    }

    /** A mention published at {@code at} and read one second later. */
    void send(String id, String host, String text, Instant at) {
        send(mention(id, 1, host, text, at, at.plusSeconds(1)));
    }

    void send(RawMention m) {
        raw.pipeInput(m.id().getBytes(StandardCharsets.UTF_8), JsonSerdes.raw().encode(m), m.fetchedAt());
        relayObservations();
    }

    void sendBytes(String key, byte[] value, Instant at) {
        raw.pipeInput(key.getBytes(StandardCharsets.UTF_8), value, at);
        relayObservations();
    }

    /** What the scoring application wrote to the brand observations topic, into the statistics application. */
    void relayObservations() {
        observationsOut.readRecordsToList().forEach(r -> observationsIn.pipeInput(r.key(), r.value(), r.timestamp()));
    }

    /** Advances the wall clock one emission interval at a time, so every interval's punctuation runs. */
    void advance(Duration d) {
        Duration step = config.emitInterval();
        for (Duration left = d; !left.isNegative() && !left.isZero(); left = left.minus(step)) {
            Duration by = left.compareTo(step) < 0 ? left : step;
            driver.advanceWallClockTime(by);
            relayObservations();
            statsDriver.advanceWallClockTime(by);
        }
    }

    @Override
    public void close() {
        driver.close();
        statsDriver.close();
    }

    /** One output topic written by both applications (signals, dead letters), read as one. */
    static final class MergedOutput<V> {
        private final TestOutputTopic<String, V> scoring;
        private final TestOutputTopic<String, V> statistics;

        MergedOutput(TestOutputTopic<String, V> scoring, TestOutputTopic<String, V> statistics) {
            this.scoring = scoring;
            this.statistics = statistics;
        }

        List<V> readValuesToList() {
            List<V> all = new java.util.ArrayList<>(scoring.readValuesToList());
            all.addAll(statistics.readValuesToList());
            return all;
        }

        List<org.apache.kafka.streams.test.TestRecord<String, V>> readRecordsToList() {
            List<org.apache.kafka.streams.test.TestRecord<String, V>> all = new java.util.ArrayList<>(scoring.readRecordsToList());
            all.addAll(statistics.readRecordsToList());
            return all;
        }

        V readValue() {
            return scoring.isEmpty() ? statistics.readValue() : scoring.readValue();
        }

        boolean isEmpty() {
            return scoring.isEmpty() && statistics.isEmpty();
        }
    }

}
