package io.vigie.ingest.schedule;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.ingest.IngestConfig;
import io.vigie.ingest.IngestService;
import io.vigie.ingest.fetch.LocalSites;
import io.vigie.model.Direction;
import io.vigie.model.JsonSerde;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import io.vigie.model.Topics;
import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.SharedLocalCluster;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A signal on a brand makes its sources poll at the signal interval; another brand's sources keep theirs. */
class SignalSpeedUpIT {

    @Test
    void sourcesOfABrandUnderSignalArePolledFaster() throws Exception {
        LocalCluster cluster = SharedLocalCluster.get();
        try (LocalSites sites = new LocalSites()) {
            LocalSites.Site site = sites.site(80);
            byte[] rss = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
            site.route("/watched", ex -> LocalSites.respond(ex, 200, "application/rss+xml", rss));
            site.route("/other", ex -> LocalSites.respond(ex, 200, "application/rss+xml", rss));
            String brand = "signal-it-brand-" + System.nanoTime();
            IngestConfig config = new IngestConfig("https://vigie.example/contact", List.of("127.0.0.0/8"), 10L, 60L,
                    2000L, 3000L, 1_000_000L, 3, 4, true, 3600L, 3600L, 1L, 100, 20_000L, List.of(
                            new IngestConfig.SourceConfig("watched", site.url("/watched"), "feed", 3600L, 3600L, List.of(brand), false),
                            new IngestConfig.SourceConfig("other", site.url("/other"), "feed", 3600L, 3600L, List.of("someone-else"), false)));
            IngestService service = new IngestService(config, cluster.kafka(), "signal-it", Clock.systemUTC());
            try {
                service.start();
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (site.requests.stream().noneMatch("/watched"::equals) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertTrue(site.requests.contains("/watched"), "first poll of the watched source");
                Thread.sleep(2000);
                long before = site.requests.stream().filter("/watched"::equals).count();
                assertTrue(before == 1, "without a signal the hourly source is polled once, got " + before);

                Properties p = cluster.kafka().clientConfig();
                p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
                    SpikeSignal start = new SpikeSignal(1, "sig-" + brand, brand, SignalKind.VOLUME, SignalPhase.START,
                            Direction.RISE, null, Instant.now(), Instant.now(), 120, 10, 0.99, 0.001,
                            "mentions of the brand are 12 times the usual", List.of());
                    producer.send(new ProducerRecord<>(Topics.SIGNALS, brand, JsonSerde.of(SpikeSignal.class).encode(start))).get();
                }
                // The hourly interval that was already scheduled is cut to the signal interval once the feed polls;
                // the source's next poll date was set before the signal, so wait for the signal-aware reschedule.
                deadline = System.nanoTime() + 90_000_000_000L;
                while (site.requests.stream().filter("/watched"::equals).count() < before + 3 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                long after = site.requests.stream().filter("/watched"::equals).count();
                assertTrue(after >= before + 3, "under signal the source is polled every second, got " + after + " polls");
                assertTrue(site.requests.stream().filter("/other"::equals).count() == 1, "another brand's source is not sped up");
            } finally {
                service.close();
            }
        }
    }
}
