package io.vigie.app;

import io.vigie.runtime.local.LocalCluster;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The local servers' ports and heaps, shared by every command that starts them ({@code vigie local}, {@code vigie demo}). */
public final class LocalServerOptions {
    @Option(names = "--kafka-port", paramLabel = "<port>", defaultValue = "9092", description = "Kafka's client port.")
    int kafkaPort;

    @Option(names = "--controller-port", paramLabel = "<port>", defaultValue = "9093", description = "Kafka's KRaft controller port.")
    int controllerPort;

    @Option(names = "--es-port", paramLabel = "<port>", defaultValue = "9200", description = "Elasticsearch's HTTP port.")
    int elasticsearchPort;

    @Option(names = "--es-transport-port", paramLabel = "<port>", defaultValue = "9300", description = "Elasticsearch's transport port.")
    int elasticsearchTransportPort;

    @Option(names = "--kafka-heap", paramLabel = "<size>", defaultValue = "512m", description = "The broker JVM's maximum heap.")
    String kafkaHeap;

    @Option(names = "--es-heap", paramLabel = "<size>", defaultValue = "512m", description = "Elasticsearch's heap.")
    String elasticsearchHeap;

    /** The cluster settings these options give, with data under {@code dataDirectory}. */
    public LocalCluster.Settings settings(Path dataDirectory) {
        return new LocalCluster.Settings(dataDirectory, kafkaPort, controllerPort, elasticsearchPort,
                elasticsearchTransportPort, kafkaHeap, elasticsearchHeap);
    }
}
