package io.vigie.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigie.ingest.poll.MeteredPollSink;
import io.vigie.runtime.metrics.MetricNames;
import io.vigie.runtime.metrics.StageMetrics;
import io.vigie.ingest.identity.CanonicalUrl;
import io.vigie.ingest.poll.FetchStack;
import io.vigie.ingest.poll.IngestEngine;
import io.vigie.ingest.publish.KafkaSink;
import io.vigie.ingest.schedule.SignalWatcher;
import io.vigie.ingest.state.StateConsumer;
import io.vigie.ingest.state.StateKeys;
import io.vigie.model.IngestState;
import io.vigie.model.Topics;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.VigieService;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed poller as a service: publishes the configured sources to {@code ingest.state}, joins the ingest
 * consumer group to learn which feeds it owns, polls them politely and publishes exactly once.
 */
public final class IngestService implements VigieService {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final KafkaConnection kafka;
    private final String instanceId;
    private final Clock clock;
    private FetchStack stack;
    private IngestEngine engine;
    private KafkaSink sink;
    private final StageMetrics metrics;
    private final java.util.List<io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics> clientMetrics =
            new java.util.ArrayList<>();
    private StateConsumer stateConsumer;
    private SignalWatcher signals;

    public IngestService(IngestConfig config, KafkaConnection kafka, String instanceId, Clock clock) {
        this(config, kafka, instanceId, clock, new StageMetrics(new SimpleMeterRegistry(), "ingest"));
    }

    public IngestService(IngestConfig config, KafkaConnection kafka, String instanceId, Clock clock,
            StageMetrics metrics) {
        this.config = config;
        this.kafka = kafka;
        this.instanceId = instanceId;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public void start() {
        int partitions = publishConfiguredSources();
        stack = FetchStack.of(config, clock);
        StateConsumer[] holder = new StateConsumer[1];
        sink = new KafkaSink(kafka, "vigie-ingest-" + instanceId, config.transactionTimeoutMillis(), partitions,
                () -> holder[0] == null ? null : holder[0].view());
        engine = new IngestEngine(stack.poller(), stack.politeness(), new MeteredPollSink(sink, metrics, clock),
                new IngestEngine.Settings(config.fetchThreads(), config.defaultMinPollSeconds(),
                        config.defaultMaxPollSeconds(), config.signalPollSeconds()),
                clock, url -> StateKeys.partitionOf(url, partitions));
        registerFeedGauges();
        stateConsumer = new StateConsumer(kafka, instanceId, engine);
        holder[0] = stateConsumer;
        signals = new SignalWatcher(kafka, clock, engine::brandsUnderSignal);
        clientMetrics.add(metrics.kafkaClient(sink.producer()));
        clientMetrics.add(metrics.kafkaClient(stateConsumer.consumer()));
        clientMetrics.add(metrics.kafkaClient(signals.consumer()));
        engine.start();
        stateConsumer.start();
        signals.start();
        LOG.info("event=ingest_started instance={} sources_in_config={} user_agent=\"{}\"", instanceId,
                config.sources().size(), stack.userAgent());
    }

    /** The feeds gauges read the current engine at each scrape (a restarted service replaces it). */
    private void registerFeedGauges() {
        metrics.gauge(MetricNames.FEEDS, "feeds this instance polls", "state", "polled",
                () -> engine == null ? 0 : engine.feedCounts().polled());
        metrics.gauge(MetricNames.FEEDS, "feeds whose last polls failed", "state", "failing",
                () -> engine == null ? 0 : engine.feedCounts().failing());
        metrics.gauge(MetricNames.FEEDS, "feeds whose host is held back after failures", "state", "backoff",
                () -> engine == null ? 0 : engine.feedCounts().inBackoff());
    }

    /** Writes the configuration's sources to ingest.state, where every instance (and the CLI) reads them. */
    private int publishConfiguredSources() {
        Properties p = kafka.producerConfig();
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            int partitions = producer.partitionsFor(Topics.INGEST_STATE).size();
            for (IngestConfig.SourceConfig s : config.sources()) {
                IngestState.Source source = new IngestState.Source(s.name(), CanonicalUrl.of(s.url()), s.kind(),
                        s.minPollSeconds(), s.maxPollSeconds(), s.brands(), s.paused(), "config", clock.instant(),
                        s.rule(), s.maxPages());
                producer.send(KafkaSink.sourceRecord(source.url(), source, partitions));
            }
            producer.flush();
            return partitions;
        }
    }

    public IngestEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        // The binders first: they read the clients' metrics, which a closed client no longer has.
        clientMetrics.forEach(io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics::close);
        clientMetrics.clear();
        if (signals != null) {
            signals.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (stateConsumer != null) {
            stateConsumer.close();
        }
        if (sink != null) {
            sink.close();
        }
        if (stack != null) {
            stack.close();
        }
        LOG.info("event=ingest_stopped instance={}", instanceId);
    }
}
