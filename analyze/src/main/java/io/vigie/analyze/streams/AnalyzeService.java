package io.vigie.analyze.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigie.analyze.brands.WatchlistClient;
import io.vigie.analyze.sentiment.MentionSentimentScorer;
import io.vigie.model.TopicSpec;
import io.vigie.model.Topics;
import io.vigie.model.WatchedBrand;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.connect.TopicAdmin;
import io.vigie.runtime.metrics.StageMetrics;
import io.vigie.runtime.service.VigieService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyze topologies as a running service: publishes the configuration's brands to the watchlist, warms the
 * scorer up, then runs the scoring and the statistics applications, both exactly-once v2. Several instances with the same application id share the partitions.
 */
public final class AnalyzeService implements VigieService {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeService.class);

    private final AnalyzeConfig config;
    private final KafkaConnection kafka;
    private final Path stateDirectory;
    private final String instanceId;
    private final MentionSentimentScorer scorer;
    private final List<WatchedBrand> configuredBrands;
    private final MeterRegistry registry;
    private KafkaStreams streams;
    private KafkaStreams stats;
    private final List<KafkaStreamsMetrics> streamsMetrics = new ArrayList<>();

    public AnalyzeService(AnalyzeConfig config, KafkaConnection kafka, Path stateDirectory, String instanceId,
            MentionSentimentScorer scorer, List<WatchedBrand> configuredBrands) {
        this(config, kafka, stateDirectory, instanceId, scorer, configuredBrands, new SimpleMeterRegistry());
    }

    /**
     * @param registry where the scoring step's counters and raw → scored hop go (stage {@code analyze}), and both
     *                 Streams applications' own metrics (threads, tasks, stores, their consumers' lag, producers),
     *                 through Micrometer's {@link KafkaStreamsMetrics} binder
     */
    public AnalyzeService(AnalyzeConfig config, KafkaConnection kafka, Path stateDirectory, String instanceId,
            MentionSentimentScorer scorer, List<WatchedBrand> configuredBrands, MeterRegistry registry) {
        this.registry = registry;
        this.config = config;
        this.kafka = kafka;
        this.stateDirectory = stateDirectory;
        this.instanceId = instanceId;
        this.scorer = scorer;
        this.configuredBrands = List.copyOf(configuredBrands);
    }

    @Override
    public String name() {
        return "analyze";
    }

    /** The Streams configuration of the scoring application. */
    public Properties properties() {
        return withClient(AnalyzeTopology.streamsProperties(config), config.applicationId());
    }

    /** The Streams configuration of the statistics application. */
    public Properties statsProperties() {
        return withClient(AnalyzeTopology.statsStreamsProperties(config), AnalyzeTopology.statsApplicationId(config));
    }

    private Properties withClient(Properties streamsProperties, String applicationId) {
        Properties p = kafka.clientConfig();
        p.putAll(streamsProperties);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.resolve("streams").toString());
        p.put(StreamsConfig.CLIENT_ID_CONFIG, applicationId + "-" + instanceId);
        return p;
    }

    @Override
    public synchronized void start() {
        if (!configuredBrands.isEmpty()) {
            new WatchlistClient(kafka).put(configuredBrands);
            LOG.info("event=config-brands-published count={}", configuredBrands.size());
        }
        TopicAdmin.ensure(kafka, List.of(new TopicSpec(AnalyzeTopology.observationsTopic(config),
                Topics.spec(Topics.MENTIONS_RAW).partitions(), false, Duration.ofDays(7), "brand id",
                io.vigie.analyze.stats.BrandObservation.class, "analyze (scoring)", "analyze (statistics)")));
        warmUp();
        streams = start(new KafkaStreams(AnalyzeTopology.build(config, scorer, new StageMetrics(registry, "analyze")),
                properties()), config.applicationId());
        stats = start(new KafkaStreams(AnalyzeTopology.buildStats(config), statsProperties()),
                AnalyzeTopology.statsApplicationId(config));
        for (KafkaStreams s : List.of(streams, stats)) {
            KafkaStreamsMetrics binder = new KafkaStreamsMetrics(s);
            binder.bindTo(registry);
            streamsMetrics.add(binder);
        }
        LOG.info("event=analyze-started application={} instance={} threads={} commitIntervalMs={} statsApplication={}"
                        + " statsCommitIntervalMs={} guarantee=exactly_once_v2", config.applicationId(), instanceId,
                config.threads(), config.commitIntervalMs(), AnalyzeTopology.statsApplicationId(config),
                statsProperties().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
    }

    private KafkaStreams start(KafkaStreams s, String applicationId) {
        // A bug hit by one record is caught in the topology and dead-lettered; what escapes (a broker outage past
        // the client's retries) replaces the thread, which resumes from the last committed transaction.
        s.setUncaughtExceptionHandler(e -> {
            LOG.error("event=stream-thread-failed application={} action=replace error=\"{}\"", applicationId, e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        s.setStateListener((now, before) ->
                LOG.info("event=streams-state application={} instance={} from={} to={}", applicationId, instanceId, before, now));
        s.start();
        return s;
    }

    private static final List<String> WARM_UP_TEXTS = List.of(
            "Le service client est nul, je suis très déçu de ma commande",
            "Franchement top, je recommande ce cadenas à tout le monde !",
            "Colis arrivé en avance, emballage soigné, rien à redire",
            "Great lock, I love it and would recommend it to anyone",
            "Worst customer service ever, they won't refund me #fail",
            "RT @someone: the new model was opened with a pen in 30 seconds https://t.example/x");

    /**
     * Scores French and English sentences for up to two seconds before the streams start. The first calls load the
     * language models and run interpreted; inside the topology they would stall the first transactions and every
     * mention behind them (a fresh instance took 10 to 100 s to catch up with 200 mentions/s, depending on load).
     */
    private void warmUp() {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(2).toNanos();
        int calls = 0;
        while (calls < 5_000 && System.nanoTime() < deadline) {
            String text = WARM_UP_TEXTS.get(calls % WARM_UP_TEXTS.size()) + " " + calls;
            scorer.score(text, null, java.util.Map.of("b", sentence -> sentence.contains("e")));
            calls++;
        }
        LOG.info("event=scorer-warmed-up calls={} ms={}", calls, (System.nanoTime() - start) / 1_000_000);
    }

    /** Active tasks on this instance, for operators and tests: proof that instances share the partitions. */
    public synchronized int activeTasks() {
        return streams == null ? 0 : tasks(streams) + tasks(stats);
    }

    private static int tasks(KafkaStreams s) {
        return s.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum();
    }

    /** The Streams client's metrics (threads, tasks, stores, embedded clients), for operators and the bench. */
    public synchronized java.util.Map<org.apache.kafka.common.MetricName, ? extends org.apache.kafka.common.Metric> metrics() {
        if (streams == null) {
            return java.util.Map.of();
        }
        java.util.Map<org.apache.kafka.common.MetricName, org.apache.kafka.common.Metric> all = new java.util.HashMap<>(streams.metrics());
        all.putAll(stats.metrics());
        return all;
    }

    /** The less advanced state of the two applications: RUNNING only when both run. */
    public synchronized KafkaStreams.State state() {
        if (streams == null) {
            return KafkaStreams.State.CREATED;
        }
        KafkaStreams.State a = streams.state();
        KafkaStreams.State b = stats.state();
        return a == KafkaStreams.State.RUNNING ? b : a;
    }

    @Override
    public synchronized void close() {
        streamsMetrics.forEach(KafkaStreamsMetrics::close);
        streamsMetrics.clear();
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            stats.close(Duration.ofSeconds(30));
            streams = null;
            stats = null;
        }
    }
}
