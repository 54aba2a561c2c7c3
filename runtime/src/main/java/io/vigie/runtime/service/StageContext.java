package io.vigie.runtime.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.connect.KafkaConnection;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What a stage is given to build its services: the configuration file (each stage binds its own section), the
 * cluster connections, a name unique to this process among the instances of a service, a directory for local
 * state (Kafka Streams stores), the clock, and the meter registry the process exports at /metrics
 * ({@code io.vigie.runtime.metrics}; record with {@link #stageMetrics(String)}).
 */
public record StageContext(
        ConfigDocument config,
        KafkaConnection kafka,
        ElasticsearchConnection elasticsearch,
        String instanceId,
        Path stateDirectory,
        Clock clock,
        MeterRegistry metrics) {

    /** A context whose meters go nowhere (tests, tools): the registry is private to it. */
    public StageContext(ConfigDocument config, KafkaConnection kafka, ElasticsearchConnection elasticsearch,
            String instanceId, Path stateDirectory, Clock clock) {
        this(config, kafka, elasticsearch, instanceId, stateDirectory, clock, new SimpleMeterRegistry());
    }

    /** The meters of {@code stage} ("ingest", "analyze", ...), recorded in this context's registry. */
    public io.vigie.runtime.metrics.StageMetrics stageMetrics(String stage) {
        return new io.vigie.runtime.metrics.StageMetrics(metrics, stage);
    }
}
