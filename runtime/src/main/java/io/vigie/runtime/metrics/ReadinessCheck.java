package io.vigie.runtime.metrics;

import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.connect.KafkaConnection;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One condition of {@code /health/ready}: a name, and whether it holds now (a short, bounded check). */
public record ReadinessCheck(String name, BooleanSupplier holds) {
    private static final Logger log = LoggerFactory.getLogger(ReadinessCheck.class);

    /** Every service of the process said it is ready (e.g. the indexer's template is installed). */
    public static ReadinessCheck services(BooleanSupplier allReady) {
        return new ReadinessCheck("services", allReady);
    }

    /** The Kafka cluster answers a describe-cluster within {@code timeout}. */
    public static ReadinessCheck kafka(KafkaConnection kafka, Duration timeout) {
        return new ReadinessCheck("kafka", () -> {
            Properties p = kafka.clientConfig();
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            p.put(AdminClientConfig.CLIENT_ID_CONFIG, "vigie-readiness");
            try (Admin admin = Admin.create(p)) {
                admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                        .clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (Exception e) {
                log.warn("event=readiness_check_failed check=kafka error=\"{}\"", e.toString());
                return false;
            }
        });
    }

    /** Elasticsearch answers its cluster health within 2 s, and the cluster is not red. */
    public static ReadinessCheck elasticsearch(ElasticsearchConnection elasticsearch) {
        return new ReadinessCheck("elasticsearch", () -> {
            var client = elasticsearch.newClient();
            try {
                var health = client.cluster().health(h -> h.timeout(t -> t.time("2s")));
                return health.status() != co.elastic.clients.elasticsearch._types.HealthStatus.Red;
            } catch (Exception e) {
                log.warn("event=readiness_check_failed check=elasticsearch error=\"{}\"", e.toString());
                return false;
            } finally {
                try {
                    client._transport().close();
                } catch (Exception e) {
                    log.debug("event=close_failed error={}", e.toString());
                }
            }
        });
    }
}
