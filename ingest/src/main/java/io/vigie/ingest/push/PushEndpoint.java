package io.vigie.ingest.push;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.vigie.ingest.IngestConfig;
import io.vigie.ingest.identity.CanonicalUrl;
import io.vigie.ingest.state.StateKeys;
import io.vigie.model.Topics;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.VigieService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push endpoint (HTTP). Routes, all under the configured secret token:
 * <ul>
 *   <li>{@code POST /push/<token>/ping} with {@code url=<feed url>} (query or form; {@code hub.url} also accepted, as
 *       in PubSubHubbub publish pings): "this feed changed".</li>
 *   <li>{@code GET /push/<token>/websub?hub.mode=subscribe&hub.topic=…&hub.challenge=…}: WebSub verification of
 *       intent, answered with the challenge (also for {@code unsubscribe}; {@code denied} is logged).</li>
 *   <li>{@code POST /push/<token>/websub?feed=<feed url>}: WebSub content distribution for that feed (the callback
 *       URL a subscription gives the hub names the feed); the body is not read.</li>
 * </ul>
 * Each accepted notice is a tombstone {@code changed|<url>} on the feed's {@code ingest.state} partition, read by the
 * instance that owns the feed ({@code StateConsumer}), which polls it at once.
 */
public final class PushEndpoint implements VigieService {
    private static final Logger LOG = LoggerFactory.getLogger(PushEndpoint.class);

    private final IngestConfig.Push config;
    private final KafkaConnection kafka;
    private KafkaProducer<String, byte[]> producer;
    private int partitions;
    private Javalin app;

    public PushEndpoint(IngestConfig.Push config, KafkaConnection kafka) {
        this.config = config;
        this.kafka = kafka;
    }

    @Override
    public String name() {
        return "ingest-push";
    }

    @Override
    public void start() {
        Properties p = kafka.producerConfig();
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(p);
        partitions = producer.partitionsFor(Topics.INGEST_STATE).size();
        app = Javalin.create(c -> c.showJavalinBanner = false)
                .post("/push/{token}/ping", this::ping)
                .get("/push/{token}/websub", this::verify)
                .post("/push/{token}/websub", this::contentDistribution)
                .start(config.host(), config.port());
        LOG.info("event=push_endpoint_started host={} port={}", config.host(), port());
    }

    /** The port it listens on (useful when configured as 0). */
    public int port() {
        return app.port();
    }

    private boolean authorised(Context ctx) {
        boolean ok = MessageDigest.isEqual(ctx.pathParam("token").getBytes(StandardCharsets.UTF_8),
                config.token().getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            ctx.status(404).result("not found");
        }
        return ok;
    }

    private void ping(Context ctx) {
        if (!authorised(ctx)) {
            return;
        }
        String url = firstOf(ctx, "url", "hub.url");
        notice(ctx, url, "ping");
    }

    private void contentDistribution(Context ctx) {
        if (!authorised(ctx)) {
            return;
        }
        notice(ctx, ctx.queryParam("feed"), "websub");
    }

    private void verify(Context ctx) {
        if (!authorised(ctx)) {
            return;
        }
        String mode = ctx.queryParam("hub.mode");
        String topic = ctx.queryParam("hub.topic");
        String challenge = ctx.queryParam("hub.challenge");
        if ("denied".equals(mode)) {
            LOG.warn("event=websub_denied topic={} reason=\"{}\"", topic, ctx.queryParam("hub.reason"));
            ctx.status(200).result("");
            return;
        }
        if (!("subscribe".equals(mode) || "unsubscribe".equals(mode)) || topic == null || challenge == null) {
            ctx.status(400).result("expected hub.mode=subscribe|unsubscribe, hub.topic and hub.challenge");
            return;
        }
        LOG.info("event=websub_verified mode={} topic={} lease_seconds={}", mode, topic, ctx.queryParam("hub.lease_seconds"));
        ctx.status(200).contentType("text/plain").result(challenge);
    }

    private void notice(Context ctx, String url, String via) {
        if (url == null || !isHttpUrl(url)) {
            ctx.status(400).result("give the feed's absolute http(s) URL as url=");
            return;
        }
        String feed = CanonicalUrl.of(url.strip());
        try {
            producer.send(new ProducerRecord<>(Topics.INGEST_STATE, StateKeys.partitionOf(feed, partitions),
                    StateKeys.changedKey(feed), null)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("event=push_notice_failed via={} feed={} error={}", via, feed, e.toString());
            ctx.status(503).result("could not record the notice, retry later");
            return;
        }
        LOG.debug("event=push_notice via={} feed={}", via, feed);
        ctx.status(202).result("accepted " + feed);
    }

    private static String firstOf(Context ctx, String... names) {
        for (String n : names) {
            String v = ctx.queryParam(n);
            if (v == null && String.valueOf(ctx.contentType()).startsWith("application/x-www-form-urlencoded")) {
                v = ctx.formParam(n);
            }
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI u = new URI(url.strip());
            return u.getScheme() != null && u.getScheme().matches("(?i)https?") && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
