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

/** One condition of {@code /health/ready}: a name, and whether it holds now (a short, bounded check). */
public record ReadinessCheck(String name, BooleanSupplier holds) {

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
                return false;
            }
        });
    }

    /** Elasticsearch answers a ping within the client's timeouts. */
    public static ReadinessCheck elasticsearch(ElasticsearchConnection elasticsearch) {
        return new ReadinessCheck("elasticsearch", () -> {
            try {
                var client = elasticsearch.newClient();
                try {
                    return client.ping().value();
                } finally {
                    client._transport().close();
                }
            } catch (Exception e) {
                return false;
            }
        });
    }
}
