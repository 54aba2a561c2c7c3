package io.vigie.app;

import io.vigie.model.Topics;
import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.connect.TopicAdmin;
import io.vigie.runtime.metrics.Telemetry;
import io.vigie.runtime.service.Stage;
import io.vigie.runtime.service.StageContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * Options and launch shared by {@code vigie run} and the single-stage commands: connect to the clusters named in
 * vigie.yml, create missing topics, start the stages' services, wait for SIGTERM, stop in reverse order.
 */
final class ProductionOptions {
    private static final Logger log = LoggerFactory.getLogger(ProductionOptions.class);

    @Option(names = "--config", required = true, paramLabel = "<vigie.yml>",
            description = "The configuration: kafka and elasticsearch connections, brands, sources, alert routes.")
    Path config;

    @Option(names = "--state-dir", paramLabel = "<dir>", defaultValue = "${env:VIGIE_STATE_DIR:-.vigie/state}",
            description = "Local state of this instance (Kafka Streams stores); env VIGIE_STATE_DIR.")
    Path stateDirectory;

    @Option(names = "--instance-id", paramLabel = "<name>", description = "Name of this instance among its peers (default: host-pid).")
    String instanceId;

    @Option(names = "--skip-topic-creation",
            description = "Do not create missing topics (same as 'topics: {create: false}' in the config).")
    boolean skipTopicCreation;

    @Option(names = "--metrics-port", paramLabel = "<port>", defaultValue = "${env:VIGIE_METRICS_PORT:--1}",
            description = "Port of /metrics, /health/live and /health/ready (default -1: off; env VIGIE_METRICS_PORT).")
    int metricsPort;

    @Option(names = "--metrics-host", paramLabel = "<address>", defaultValue = "0.0.0.0",
            description = "Address the metrics and health endpoints listen on.")
    String metricsHost;

    /** Runs {@code stages} until a stop is requested; returns the exit code. */
    int run(List<Stage> stages, ShutdownSignal signal, PrintWriter out) throws InterruptedException {
        long started = System.nanoTime();
        ConfigDocument doc = ConfigDocument.read(config);
        KafkaConnection kafka = doc.bind("kafka", KafkaConnection.class);
        ElasticsearchConnection elasticsearch = doc.bind("elasticsearch", ElasticsearchConnection.class);
        TopicCreation topics = doc.bind("topics", TopicCreation.class, TopicCreation.DEFAULT);
        String instance = instanceId == null ? InstanceNames.forThisProcess() : instanceId;
        Telemetry telemetry = new Telemetry(instance);
        StageContext context = new StageContext(doc, kafka, elasticsearch, instance, stateDirectory.toAbsolutePath(),
                Clock.systemUTC(), telemetry.registry());
        // Every stage checks its section before anything touches the clusters.
        ServiceRunner built = ServiceRunner.build(stages, context);
        if (topics.create() && !skipTopicCreation) {
            TopicAdmin.Outcome outcome = TopicAdmin.ensure(kafka, Topics.all());
            log.info("topics ensured created={} existing={}", outcome.created(), outcome.existing().size());
        }
        try (telemetry; ServiceRunner runner = built) {
            runner.start();
            try (var operations = OperationsOptions.start(metricsHost, metricsPort, telemetry, runner, kafka,
                    elasticsearch)) {
                if (!runner.awaitReadyUnless(signal)) {
                    log.info("stopping before ready services={}", runner.serviceNames());
                    return 0;
                }
                out.println("ready stages=" + String.join(",", stages.stream().map(Stage::name).toList())
                        + " services=" + (runner.serviceNames().isEmpty() ? "none" : String.join(",", runner.serviceNames()))
                        + " kafka=" + kafka.bootstrapServers()
                        + " elasticsearch=" + elasticsearch.url()
                        + " instance=" + instance
                        + " startMs=" + (System.nanoTime() - started) / 1_000_000);
                out.flush();
                signal.await();
                log.info("stopping services={}", runner.serviceNames());
            }
        }
        return 0;
    }
}
