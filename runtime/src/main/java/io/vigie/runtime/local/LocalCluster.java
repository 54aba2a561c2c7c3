package io.vigie.runtime.local;

import io.vigie.model.Topics;
import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.connect.TopicAdmin;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local Kafka broker and Elasticsearch node together, as {@code vigie local} and the integration tests run them:
 * started in parallel, every topic of {@link Topics#all()} created, stopped by pid on {@link #close()} or, failing
 * that, by a JVM shutdown hook. If the JVM is killed outright (SIGKILL), the kernel still sends the children SIGTERM
 * where {@code setpriv} exists (see {@link ChildProcess}).
 */
public final class LocalCluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalCluster.class);

    private final Settings settings;
    private final LocalKafka kafka;
    private final LocalElasticsearch elasticsearch;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Where and on which ports the local servers run.
     *
     * @param dataDirectory {@code kafka/} and {@code elasticsearch/} go under it; a second start on it reuses the data
     */
    public record Settings(Path dataDirectory, int kafkaPort, int controllerPort, int elasticsearchPort,
            int elasticsearchTransportPort, String kafkaHeap, String elasticsearchHeap) {
        public static final int DEFAULT_KAFKA_PORT = 9092;
        public static final int DEFAULT_CONTROLLER_PORT = 9093;
        public static final int DEFAULT_ELASTICSEARCH_PORT = 9200;
        public static final int DEFAULT_ELASTICSEARCH_TRANSPORT_PORT = 9300;

        public Settings {
            dataDirectory = dataDirectory.toAbsolutePath().normalize();
        }

        /** The usual ports (9092, 9093, 9200, 9300), broker heap 512m, Elasticsearch heap 512m. */
        public static Settings defaults(Path dataDirectory) {
            return new Settings(dataDirectory, DEFAULT_KAFKA_PORT, DEFAULT_CONTROLLER_PORT, DEFAULT_ELASTICSEARCH_PORT,
                    DEFAULT_ELASTICSEARCH_TRANSPORT_PORT, "512m", "512m");
        }

        /** Ports the kernel reports free now, for tests run next to each other. */
        public static Settings onFreePorts(Path dataDirectory) {
            int[] ports = Ports.free(4);
            return new Settings(dataDirectory, ports[0], ports[1], ports[2], ports[3], "512m", "512m");
        }

        public Settings withPorts(int kafka, int controller, int elasticsearch, int elasticsearchTransport) {
            return new Settings(dataDirectory, kafka, controller, elasticsearch, elasticsearchTransport, kafkaHeap,
                    elasticsearchHeap);
        }

        public LocalKafka.Settings kafka() {
            return new LocalKafka.Settings(dataDirectory.resolve("kafka"), kafkaPort, controllerPort, kafkaHeap);
        }

        public LocalElasticsearch.Settings elasticsearch() {
            return new LocalElasticsearch.Settings(dataDirectory.resolve("elasticsearch"), elasticsearchPort,
                    elasticsearchTransportPort, elasticsearchHeap);
        }
    }

    private LocalCluster(Settings settings) {
        this.settings = settings;
        this.kafka = new LocalKafka(settings.kafka());
        this.elasticsearch = new LocalElasticsearch(settings.elasticsearch());
        this.shutdownHook = new Thread(this::stopServers, "vigie-local-cluster-stop");
    }

    /**
     * Starts both servers, waits until both are ready and creates the topics. On any failure, what was started is
     * stopped before the exception (a {@link LocalServerException} with one actionable line) is thrown.
     */
    public static LocalCluster start(Settings settings) {
        preflight(settings);
        LocalCluster cluster = new LocalCluster(settings);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        long started = System.nanoTime();
        try {
            CompletableFuture<Void> es = CompletableFuture.runAsync(() -> {
                cluster.elasticsearch.start();
                cluster.elasticsearch.awaitReady();
            });
            cluster.kafka.start();
            cluster.kafka.awaitReady();
            TopicAdmin.Outcome topics = TopicAdmin.ensure(cluster.kafka.connection(), Topics.all());
            join(es);
            log.info("local cluster ready kafka={} elasticsearch={} topicsCreated={} dataDir={} startMs={}",
                    cluster.kafkaBootstrapServers(), cluster.elasticsearchUrl(), topics.created().size(),
                    settings.dataDirectory(), (System.nanoTime() - started) / 1_000_000);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * What can be checked before anything starts, so a mistake costs nothing: distinct and free ports, a java
     * launcher for the children, a data directory Elasticsearch's account can use. Throws a
     * {@link LocalServerException} with one actionable line. {@link #start} runs it too.
     */
    public static void preflight(Settings settings) {
        requireDistinctPorts(settings);
        Ports.requireFree(settings.kafkaPort(), "--kafka-port");
        Ports.requireFree(settings.controllerPort(), "--controller-port");
        LocalElasticsearch.preflight(settings.elasticsearch());
        JavaLauncher.javaHome();
    }

    private static void join(CompletableFuture<Void> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static void requireDistinctPorts(Settings s) {
        int[] ports = {s.kafkaPort(), s.controllerPort(), s.elasticsearchPort(), s.elasticsearchTransportPort()};
        String[] options = {"--kafka-port", "--controller-port", "--es-port", "--es-transport-port"};
        for (int i = 0; i < ports.length; i++) {
            for (int j = i + 1; j < ports.length; j++) {
                if (ports[i] == ports[j]) {
                    throw new LocalServerException(options[i] + " and " + options[j] + " are both " + ports[i]
                            + ": give each server its own port");
                }
            }
        }
    }

    public Settings settings() {
        return settings;
    }

    public KafkaConnection kafka() {
        return kafka.connection();
    }

    public ElasticsearchConnection elasticsearch() {
        return elasticsearch.connection();
    }

    public String kafkaBootstrapServers() {
        return kafka.settings().bootstrapServers();
    }

    public URI elasticsearchUrl() {
        return elasticsearch.settings().url();
    }

    /** Every live pid of the servers: the broker JVM, Elasticsearch's CLI JVM and its server JVM. */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>(kafka.pids());
        pids.addAll(elasticsearch.pids());
        return pids;
    }

    public List<Long> kafkaPids() {
        return kafka.pids();
    }

    public List<Long> elasticsearchPids() {
        return elasticsearch.pids();
    }

    /** Stops both servers (in parallel) and waits until their processes are gone. */
    @Override
    public void close() {
        stopServers();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook is running or ran.
        }
    }

    private void stopServers() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        CompletableFuture<Void> es = CompletableFuture.runAsync(elasticsearch::close);
        try {
            kafka.close();
        } finally {
            es.join();
        }
        log.info("local cluster stopped stopMs={}", (System.nanoTime() - started) / 1_000_000);
    }
}
