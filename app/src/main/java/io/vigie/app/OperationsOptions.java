package io.vigie.app;

import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.metrics.OperationsServer;
import io.vigie.runtime.metrics.ReadinessCheck;
import io.vigie.runtime.metrics.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a launcher serves {@code /metrics}, {@code /health/live} and {@code /health/ready}, and the checks behind
 * readiness: every service ready (the indexer's template in place...), Kafka answering, Elasticsearch answering.
 */
final class OperationsOptions {
    private static final Logger log = LoggerFactory.getLogger(OperationsOptions.class);
    private static final Duration CLUSTER_CHECK_TIMEOUT = Duration.ofSeconds(3);

    private OperationsOptions() {}

    /** Null when {@code port} is negative (metrics off). */
    static OperationsServer start(String host, int port, Telemetry telemetry, ServiceRunner runner,
            KafkaConnection kafka, ElasticsearchConnection elasticsearch) {
        if (port < 0) {
            return null;
        }
        List<ReadinessCheck> checks = List.of(
                ReadinessCheck.services(() -> {
                    try {
                        List<String> notReady = new java.util.ArrayList<>(runner.awaitReady(Duration.ZERO));
                        notReady.addAll(runner.notReadyNow());
                        if (!notReady.isEmpty()) {
                            log.info("event=not_ready services={}", notReady);
                        }
                        return notReady.isEmpty();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }),
                ReadinessCheck.kafka(kafka, CLUSTER_CHECK_TIMEOUT),
                ReadinessCheck.elasticsearch(elasticsearch));
        OperationsServer server = OperationsServer.start(host, port, telemetry, checks, Clock.systemUTC());
        log.info("operations endpoints metrics=http://{}:{}/metrics ready=http://{}:{}/health/ready", host,
                server.port(), host, server.port());
        return server;
    }
}
