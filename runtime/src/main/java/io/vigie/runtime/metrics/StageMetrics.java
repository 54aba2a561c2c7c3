package io.vigie.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * How a stage records its meters: one line at each hook point (a mention in, a mention out, a dead letter, a hop
 * done). Meters are created on first use and cached by the registry, so calling these on every record is cheap.
 */
public final class StageMetrics {
    /**
     * How often the Kafka binders look for the client's new metrics: per-partition lag exists only once partitions
     * are assigned, after the binding (Micrometer's default looks once a minute).
     */
    static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(10);
    private static final ScheduledExecutorService KAFKA_METRICS_SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigie-kafka-metrics-refresh");
        t.setDaemon(true);
        return t;
    });
    private final MeterRegistry registry;
    private final String stage;
    // The meters recorded for every record (analyze and the indexer call these per mention): looked up once, not
    // rebuilt from a builder and its tags on each call.
    private volatile Counter in;
    private volatile Counter out;
    private final Map<String, Timer> hops = new ConcurrentHashMap<>();

    public StageMetrics(MeterRegistry registry, String stage) {
        this.registry = registry;
        this.stage = stage;
    }

    public void mentionsIn(long n) {
        Counter c = in;
        if (c == null) {
            c = in = Counter.builder(MetricNames.MENTIONS_IN).description("mentions a stage took in").tag("stage", stage)
                    .register(registry);
        }
        c.increment(n);
    }

    public void mentionsOut(long n) {
        Counter c = out;
        if (c == null) {
            c = out = Counter.builder(MetricNames.MENTIONS_OUT).description("mentions a stage passed on")
                    .tag("stage", stage).register(registry);
        }
        c.increment(n);
    }

    public void deadLetter(String reason) {
        Counter.builder(MetricNames.DEAD_LETTERS).description("records written to the dead-letter topic")
                .tag("stage", stage).tag("reason", reasonTag(reason)).register(registry).increment();
    }

    /** A bounded label: the text before any ':' (reasons often carry the offending value after it), 60 chars at most. */
    static String reasonTag(String reason) {
        if (reason == null || reason.isBlank()) {
            return "unknown";
        }
        String head = reason.split(":", 2)[0].strip();
        return head.length() > 60 ? head.substring(0, 60) : head;
    }

    /** A hop of {@link MetricNames#HOPS} took from {@code since} to {@code now}; ignored when {@code since} is unknown. */
    public void hop(String hop, Instant since, Instant now) {
        if (since == null || now == null) {
            return;
        }
        Duration d = Duration.between(since, now);
        hops.computeIfAbsent(hop, h -> hopTimer(registry, h)).record(d.isNegative() ? Duration.ZERO : d);
    }

    public void bulk(boolean ok, Duration took) {
        Timer.builder(MetricNames.ES_BULK).description("Elasticsearch bulk requests").tag("outcome", ok ? "ok" : "failed")
                .publishPercentileHistogram().register(registry).record(took);
    }

    public void notification(String channel, String outcome) {
        Counter.builder(MetricNames.NOTIFICATIONS).description("notifications by channel and outcome")
                .tag("channel", channel).tag("outcome", outcome).register(registry).increment();
    }

    public void feedPolled(boolean ok) {
        Counter.builder(MetricNames.FEEDS_POLLED).description("feed polls").tag("outcome", ok ? "ok" : "failed")
                .register(registry).increment();
    }

    /**
     * Binds a Kafka consumer's own metrics (fetch rates, records-lag and records-lag-max per partition: the
     * consumer's lag, commit latency) to the registry with Micrometer's binder, tagged with this stage; close the
     * returned binder with the consumer.
     */
    /** Registers a gauge of this stage read at each scrape, e.g. {@code vigie_feeds{state="failing"}}. */
    public void gauge(String name, String description, String tag, String value, java.util.function.Supplier<Number> read) {
        io.micrometer.core.instrument.Gauge.builder(name, read).description(description).tag("stage", stage)
                .tag(tag, value).register(registry);
    }

    public KafkaClientMetrics kafkaClient(Consumer<?, ?> consumer) {
        KafkaClientMetrics binder = new KafkaClientMetrics(consumer, Tags.of("stage", stage), KAFKA_METRICS_SCHEDULER,
                KAFKA_METRICS_REFRESH);
        binder.bindTo(registry);
        return binder;
    }

    /** Binds a Kafka producer's own metrics (send rates, errors, request latency), as {@link #kafkaClient(Consumer)}. */
    public KafkaClientMetrics kafkaClient(Producer<?, ?> producer) {
        KafkaClientMetrics binder = new KafkaClientMetrics(producer, Tags.of("stage", stage), KAFKA_METRICS_SCHEDULER,
                KAFKA_METRICS_REFRESH);
        binder.bindTo(registry);
        return binder;
    }

    static Timer hopTimer(MeterRegistry registry, String hop) {
        return Timer.builder(MetricNames.HOP_LATENCY).description("time from one pipeline hop to the next")
                .tag("hop", hop).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }
}
