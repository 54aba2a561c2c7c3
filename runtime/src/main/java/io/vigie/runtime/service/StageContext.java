package io.vigie.runtime.service;

import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.connect.KafkaConnection;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What a stage is given to build its services: the configuration file (each stage binds its own section), the
 * cluster connections, a name unique to this process among the instances of a service, a directory for local
 * state (Kafka Streams stores), and the clock.
 */
public record StageContext(
        ConfigDocument config,
        KafkaConnection kafka,
        ElasticsearchConnection elasticsearch,
        String instanceId,
        Path stateDirectory,
        Clock clock) {}
