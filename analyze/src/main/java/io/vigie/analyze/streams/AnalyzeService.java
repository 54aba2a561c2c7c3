package io.vigie.analyze.streams;

import io.vigie.analyze.brands.WatchlistClient;
import io.vigie.analyze.sentiment.MentionSentimentScorer;
import io.vigie.model.WatchedBrand;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.VigieService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyze topology as a running service: publishes the configuration's brands to the watchlist, then runs the
 * topology with exactly-once v2. Several instances with the same application id share the partitions.
 */
public final class AnalyzeService implements VigieService {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeService.class);

    private final AnalyzeConfig config;
    private final KafkaConnection kafka;
    private final Path stateDirectory;
    private final String instanceId;
    private final MentionSentimentScorer scorer;
    private final List<WatchedBrand> configuredBrands;
    private KafkaStreams streams;

    public AnalyzeService(AnalyzeConfig config, KafkaConnection kafka, Path stateDirectory, String instanceId,
            MentionSentimentScorer scorer, List<WatchedBrand> configuredBrands) {
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

    /** The Streams configuration this service runs with. */
    public Properties properties() {
        Properties p = kafka.clientConfig();
        p.putAll(AnalyzeTopology.streamsProperties(config));
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.resolve("streams").toString());
        p.put(StreamsConfig.CLIENT_ID_CONFIG, config.applicationId() + "-" + instanceId);
        return p;
    }

    @Override
    public synchronized void start() {
        if (!configuredBrands.isEmpty()) {
            new WatchlistClient(kafka).put(configuredBrands);
            LOG.info("event=config-brands-published count={}", configuredBrands.size());
        }
        streams = new KafkaStreams(AnalyzeTopology.build(config, scorer), properties());
        // A bug hit by one record is caught in the topology and dead-lettered; what escapes (a broker outage past
        // the client's retries) replaces the thread, which resumes from the last committed transaction.
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("event=stream-thread-failed action=replace error=\"{}\"", e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) ->
                LOG.info("event=streams-state application={} instance={} from={} to={}", config.applicationId(), instanceId, before, now));
        streams.start();
        LOG.info("event=analyze-started application={} instance={} threads={} commitIntervalMs={} guarantee=exactly_once_v2",
                config.applicationId(), instanceId, config.threads(), config.commitIntervalMs());
    }

    /** Active tasks on this instance, for operators and tests: proof that instances share the partitions. */
    public synchronized int activeTasks() {
        return streams == null ? 0 : streams.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum();
    }

    public synchronized KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.CREATED : streams.state();
    }

    @Override
    public synchronized void close() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            streams = null;
        }
    }
}
