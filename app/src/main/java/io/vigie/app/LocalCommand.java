package io.vigie.app;

import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.Ports;
import io.vigie.runtime.metrics.Telemetry;
import io.vigie.runtime.service.StageContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie local}: the whole of Vigie on this machine, with its own Kafka broker and Elasticsearch node. */
@Command(name = "local", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {
            "Run all of Vigie on this machine, with its own Kafka broker and Elasticsearch node.",
            "The broker (KRaft) and Elasticsearch run as child processes; the topics are created, every Vigie service",
            "runs in this process, and one 'ready' line gives the URLs. Ctrl-C or SIGTERM stops it all, children",
            "included. A second start on the same data directory reuses what was stored."})
final class LocalCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(LocalCommand.class);
    /** The configuration key the dashboards stage reads its HTTP port from; --http-port sets it. */
    static final String HTTP_PORT_KEY = "dashboards.http.port";
    static final String HTTP_HOST_KEY = "dashboards.http.host";
    static final String HTTP_ENABLED_KEY = "dashboards.http.enabled";
    static final String ALERTING_API_HOST_KEY = "alerting.api.host";
    static final String CONTACT_URL_KEY = "ingest.contactUrl";
    static final int DEFAULT_HTTP_PORT = 8080;

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "<dir>", defaultValue = "${env:VIGIE_DATA_DIR:-.vigie}",
            description = "Where Kafka, Elasticsearch and the services keep their data (env VIGIE_DATA_DIR).")
    Path dataDirectory;

    @Option(names = "--config", paramLabel = "<vigie.yml>",
            description = "Brands, sources and alert routes; its kafka and elasticsearch sections are ignored here.")
    Path config;

    @Mixin
    LocalServerOptions servers;

    @Option(names = "--http-port", paramLabel = "<port>", defaultValue = "8080", description = "The dashboards' HTTP port.")
    int httpPort;

    @Option(names = "--metrics-port", paramLabel = "<port>", defaultValue = "0",
            description = "Port of /metrics, /health/live and /health/ready on 127.0.0.1 (0: a free one, logged; -1: off).")
    int metricsPort;

    private final Supplier<ShutdownSignal> signals;

    LocalCommand(Supplier<ShutdownSignal> signals) {
        this.signals = signals;
    }

    /**
     * What local mode supplies when the file does not say it. Like the local servers, the web endpoints (the live
     * page has no login) answer on this machine only. Ingest requires a contact URL for its User-Agent: with no
     * sources in the file, it points at the local dashboard, so {@code vigie local} starts with no configuration at
     * all; a file that lists sources must give its own, since those sites' owners must be able to reach a person.
     */
    static ConfigDocument localDefaults(ConfigDocument doc, int dashboardPort) {
        for (String hostKey : new String[] {HTTP_HOST_KEY, ALERTING_API_HOST_KEY}) {
            if (!doc.has(hostKey)) {
                doc = doc.withValue(hostKey, "127.0.0.1");
            }
        }
        if (!doc.has(CONTACT_URL_KEY) && !doc.has("ingest.sources")) {
            String contact = "http://127.0.0.1:" + dashboardPort + "/";
            doc = doc.withValue(CONTACT_URL_KEY, contact);
            log.warn("config default key={} value={} reason=no sources configured; set it to a page or mailto: where"
                    + " site owners can reach you before adding sources", CONTACT_URL_KEY, contact);
        }
        return doc;
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        ConfigDocument doc = config == null ? ConfigDocument.empty("(no --config)") : ConfigDocument.read(config);
        for (String ignored : new String[] {"kafka", "elasticsearch"}) {
            if (doc.has(ignored)) {
                log.warn("config section ignored section={} reason=vigie local runs its own servers; use vigie run"
                        + " to connect to existing clusters", ignored);
            }
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--http-port")) {
            doc = doc.withValue(HTTP_PORT_KEY, httpPort);
        }
        int dashboardPort = doc.has(HTTP_PORT_KEY) ? doc.node(HTTP_PORT_KEY).asInt(httpPort) : httpPort;
        doc = localDefaults(doc, dashboardPort);
        boolean dashboardEnabled = !doc.has(HTTP_ENABLED_KEY) || doc.node(HTTP_ENABLED_KEY).asBoolean(true);
        if (dashboardEnabled && dashboardPort != 0) {
            Ports.requireFree(dashboardPort, "--http-port");
        }

        LocalCluster.Settings settings = servers.settings(dataDirectory);
        LocalCluster.preflight(settings);
        ShutdownSignal signal = signals.get();
        try (LocalCluster cluster = LocalCluster.start(settings)) {
            // Built once the servers answer: some services open Kafka clients as they are built.
            String instance = InstanceNames.forThisProcess();
            Telemetry telemetry = new Telemetry(instance);
            StageContext context = new StageContext(doc, cluster.kafka(), cluster.elasticsearch(),
                    instance, settings.dataDirectory().resolve("state"), Clock.systemUTC(), telemetry.registry());
            try (telemetry; ServiceRunner services = ServiceRunner.start(Stages.all(), context);
                    var operations = OperationsOptions.start("127.0.0.1", metricsPort, telemetry, services,
                            cluster.kafka(), cluster.elasticsearch())) {
                // "ready" means ready: services that set up asynchronously (the indexer's Elasticsearch template and
                // index) have done so, so a script that starts writing on this line finds them in place.
                if (!services.awaitReadyUnless(signal)) {
                    log.info("vigie local stopping before ready services={}", services.serviceNames());
                    return 0;
                }
                PrintWriter out = spec.commandLine().getOut();
                // Printed only if something answers there: a build without a dashboards web service shows none.
                String dashboard = Ports.accepting(dashboardPort) ? "http://127.0.0.1:" + dashboardPort + "/" : "none";
                out.println("ready kafka=" + cluster.kafkaBootstrapServers()
                        + " elasticsearch=" + cluster.elasticsearchUrl()
                        + " dashboard=" + dashboard
                        + " services=" + (services.serviceNames().isEmpty() ? "none" : String.join(",", services.serviceNames()))
                        + " dataDir=" + settings.dataDirectory()
                        + " startMs=" + (System.nanoTime() - started) / 1_000_000);
                out.flush();
                signal.await();
                log.info("vigie local stopping services={}", services.serviceNames());
            }
        }
        log.info("vigie local stopped");
        return 0;
    }
}
