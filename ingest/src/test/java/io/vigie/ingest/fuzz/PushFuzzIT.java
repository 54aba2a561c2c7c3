package io.vigie.ingest.fuzz;

import io.vigie.model.testing.Fuzz;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vigie.ingest.IngestConfig;
import io.vigie.ingest.push.PushEndpoint;
import io.vigie.model.Topics;
import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.SharedLocalCluster;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Mutated feed URLs, WebSub verifications and tokens sent to the push endpoint (seed and budget: see {@link Fuzz}):
 * the right token gives 202 or 400, a wrong one 404, never a 500 nor a hang;
 * exactly one notice is written per 202 and none otherwise; the token never shows in the log.
 */
class PushFuzzIT {
    private static final String TOKEN = "push-fuzz-token-" + System.nanoTime();
    private static final List<String> CORPUS = List.of("https://example.net/feed.xml", "http://blog.example.org/rss?x=1&utm_source=a",
            "https://EXAMPLE.net:443/a//b/../c.xml#comment-12", "http://user:pw@host.example/feed", "https://[::1]:8080/f",
            "https://example.net/%7Efeed?b=2&a=1&fbclid=x");
    private static final List<String> DICTIONARY = List.of("http://", "https://", "ftp://", "javascript:", "file:///etc/passwd",
            "//", "@", ":", ":99999", ":-1", "[", "]", "%", "%zz", "%00", "?", "#", "&", "=", " ", "..", "\u00e9", "xn--",
            "localhost", "169.254.169.254", "0x7f000001", "\\", "\r\n");

    private static long endOffsets(LocalCluster cluster) {
        Properties p = cluster.kafka().consumerConfig();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = c.partitionsFor(Topics.INGEST_STATE).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            return c.endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    @Test
    void mutatedNoticesGetA202OrA400WithTheTokenAndA404WithoutNeverAServerError() throws Exception {
        LocalCluster cluster = SharedLocalCluster.get();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        PushEndpoint push = new PushEndpoint(new IngestConfig.Push(true, "127.0.0.1", 0, TOKEN), cluster.kafka());
        HttpClient http = HttpClient.newHttpClient();
        try {
            push.start();
            long before = endOffsets(cluster);
            Fuzz fuzz = new Fuzz("push-endpoint", Duration.ofSeconds(20));
            Random random = fuzz.random();
            int[] accepted = {0};
            int ran = fuzz.run(CORPUS, DICTIONARY, url -> {
                boolean rightToken = random.nextInt(4) != 0;
                String token = rightToken ? TOKEN : TOKEN.substring(0, random.nextInt(TOKEN.length())) + "x";
                String value = URLEncoder.encode(url, StandardCharsets.UTF_8);
                String base = "http://127.0.0.1:" + push.port() + "/push/" + token;
                HttpRequest request = switch (random.nextInt(4)) {
                    case 0 -> HttpRequest.newBuilder(URI.create(base + "/ping?url=" + value))
                            .POST(HttpRequest.BodyPublishers.noBody()).build();
                    case 1 -> HttpRequest.newBuilder(URI.create(base + "/ping"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("hub.url=" + value)).build();
                    case 2 -> HttpRequest.newBuilder(URI.create(base + "/websub?feed=" + value))
                            .POST(HttpRequest.BodyPublishers.ofString(url)).build();
                    default -> HttpRequest.newBuilder(URI.create(base + "/websub?hub.mode=subscribe&hub.topic=" + value
                            + "&hub.challenge=" + value)).GET().build();
                };
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (!rightToken) {
                    assertEquals(404, r.statusCode(), "a wrong token: " + request.uri());
                    return;
                }
                assertTrue(r.statusCode() == 200 || r.statusCode() == 202 || r.statusCode() == 400,
                        request.uri() + " gave " + r.statusCode() + ": " + r.body());
                if (r.statusCode() == 202) {
                    accepted[0]++;
                }
            });
            assertTrue(ran > CORPUS.size(), "only the corpus ran");
            assertTrue(accepted[0] > 0, "some notices were accepted");
            assertEquals(before + accepted[0], endOffsets(cluster), "one notice written per 202, none otherwise");
            for (ILoggingEvent e : logs.list) {
                assertFalse(e.getFormattedMessage().contains(TOKEN), "the push token in the log: " + e.getFormattedMessage());
            }
        } finally {
            push.close();
            root.detachAppender(logs);
        }
    }
}
