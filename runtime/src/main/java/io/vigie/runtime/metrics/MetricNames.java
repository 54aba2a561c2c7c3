package io.vigie.runtime.metrics;

import java.util.List;

/**
 * Every Vigie-specific meter, named once. Prometheus sees the dots as underscores, counters with {@code _total}
 * and timers as {@code _seconds} histograms; docs/grafana-dashboard.json and docs/prometheus-alerts.yml use those
 * exported names, which {@code MonitoringDocsTest} checks against a scrape.
 */
public final class MetricNames {
    private MetricNames() {}

    /** Mentions a stage took in, tag {@code stage}. */
    public static final String MENTIONS_IN = "vigie.mentions.in";
    /** Mentions a stage passed on, tag {@code stage}. */
    public static final String MENTIONS_OUT = "vigie.mentions.out";
    /** Records a stage wrote to the dead-letter topic, tags {@code stage}, {@code reason}. */
    public static final String DEAD_LETTERS = "vigie.dead.letters";
    /** Time from one hop to the next, tag {@code hop}: fetched-raw, raw-scored, scored-indexed, signal-notification. */
    public static final String HOP_LATENCY = "vigie.hop.latency";
    /** Elasticsearch bulk requests, tag {@code outcome} (ok, failed). */
    public static final String ES_BULK = "vigie.elasticsearch.bulk";
    /** Notifications delivered or not, tags {@code channel}, {@code outcome}. */
    public static final String NOTIFICATIONS = "vigie.notifications";
    /** Feed polls, tag {@code outcome} (ok, failed). */
    public static final String FEEDS_POLLED = "vigie.feeds.polled";
    /**
     * Feeds this ingest instance polls, a gauge with tag {@code state}: {@code polled} (all of them), {@code failing}
     * (their last polls failed), {@code backoff} (their host is held back after failures).
     */
    public static final String FEEDS = "vigie.feeds";
    /** Pages connected to the dashboards' live channel (server-sent events) on this instance. */
    public static final String SSE_CLIENTS = "vigie.sse.clients";
    /** 1 while the process is ready (every check of /health/ready passes), else 0; tag {@code check} per check. */
    public static final String READY = "vigie.ready";

    /** The hops {@link #HOP_LATENCY} measures. */
    public static final List<String> HOPS = List.of("fetched-raw", "raw-scored", "scored-indexed", "signal-notification");
}
