package io.vigie.dashboards.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.dashboards.index.IndexerFixture;
import io.vigie.model.IncidentAction;
import io.vigie.model.IncidentEvent;
import io.vigie.model.IncidentStatus;
import io.vigie.model.JsonSerde;
import io.vigie.model.Notification;
import io.vigie.model.Schema;
import io.vigie.model.SentimentLabel;
import io.vigie.model.Severity;
import io.vigie.model.SignalKind;
import io.vigie.model.Topics;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The incident page over the real broker and Elasticsearch: an incident on {@code incidents} and two notifications
 * about it on {@code notifications} (one retried then delivered, one failed), and the mentions that drove it indexed.
 * The page explains the incident in the reader's language, lists the notifications at their latest delivery state,
 * shows the driving mentions with their sentiment and reach, and carries the brand's series around the incident.
 */
class IncidentPageIT {

    @Test
    void theIncidentPageExplainsInTheReadersLanguageAndShowsDeliveriesMentionsAndTheSeries() throws Exception {
        try (WebFixture web = WebFixture.startWithDesk()) {
            Instant opened = Instant.now().minus(20, ChronoUnit.MINUTES);
            String driving = web.index.run + "-drove-1";
            web.index.send(TestMentions.simple(driving, web.brand, web.index.source, SentimentLabel.NEGATIVE,
                    opened.plusSeconds(30)));
            web.index.send(TestMentions.simple(web.index.run + "-before", web.brand, web.index.source,
                    SentimentLabel.NEUTRAL, opened.minus(90, ChronoUnit.MINUTES)));
            web.index.flush();
            String incidentId = "inc-" + web.index.run;
            IncidentEvent incident = new IncidentEvent(Schema.VERSION, incidentId, web.brand,
                    SignalKind.NEGATIVE_VOLUME, Severity.CRITICAL, IncidentStatus.OPEN, opened, opened, null, 36, 3,
                    "negative mentions 12x expected", List.of("sig-1"), List.of(driving, web.index.run + "-never"),
                    List.of(new IncidentAction("opened", "vigie", opened, "negative mentions 12x expected"),
                            new IncidentAction("notified", "team-hook", opened.plusSeconds(1), "OPENED")));
            Notification toTeam = new Notification(Schema.VERSION, "ntf-team-" + web.index.run, incidentId,
                    "team-hook", "webhook", "OPENED", 0, Notification.DeliveryStatus.PENDING, 1, opened.plusSeconds(1),
                    opened.plusSeconds(6), opened.plusSeconds(1), "HTTP 503", incident, List.of());
            Notification toManager = new Notification(Schema.VERSION, "ntf-mgr-" + web.index.run, incidentId,
                    "manager-sms", "sms", "ESCALATED", 1, Notification.DeliveryStatus.FAILED, 5,
                    opened.plusSeconds(300), null, opened.plusSeconds(900), "gateway refused: 401", incident, List.of());
            Properties p = web.index.cluster.kafka().clientConfig();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                    new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.INCIDENTS, incidentId,
                        JsonSerde.of(IncidentEvent.class).encode(incident))).get();
                for (Notification n : List.of(toTeam, toManager, toTeam.delivered(opened.plusSeconds(7)))) {
                    producer.send(new ProducerRecord<>(Topics.NOTIFICATIONS, n.notificationId(),
                            JsonSerde.of(Notification.class).encode(n))).get();
                }
            }
            String vera = DashboardWebIT.signIn(web, WebFixture.VIEWER);
            IndexerFixture.await("the incident, its deliveries and its mention on the page", Duration.ofSeconds(60),
                    IndexerFixture.quietly(() -> {
                        String page = page(web, vera, incidentId, "en").body();
                        return page.contains("ntf-mgr-" + web.index.run) && page.contains("data-status=\"DELIVERED\"")
                                && page.contains("data-id=\"" + driving + "\"");
                    }));

            HttpResponse<String> english = page(web, vera, incidentId, "en");
            assertEquals(200, english.statusCode(), english.body());
            String en = english.body();
            assertTrue(en.contains("More negative mentions of " + web.brand + " than usual: 36 where 3 were expected"
                    + " (12× the usual)."), en);
            assertTrue(en.contains("<td>team-hook</td><td>webhook</td><td>opened</td>"), "the team's notification");
            assertTrue(en.contains(">delivered <time>"), "at its latest state: delivered after a retry");
            assertTrue(en.contains("<td>2</td><td></td>"), "two attempts, no error left");
            assertTrue(en.contains("<td>manager-sms</td><td>sms</td><td>escalation</td><td>1</td><td>failed (gave up)"),
                    "the manager's escalation that failed");
            assertTrue(en.contains("gateway refused: 401"), "with why it failed");
            assertTrue(en.contains("sentiment-negative"), "the driving mention with its sentiment");
            assertFalse(en.contains(web.index.run + "-never"), "a mention id that is not indexed is not shown");
            assertTrue(en.contains("id=\"incident-chart\""), "the series' chart");
            assertTrue(en.contains("&quot;expectedHigh&quot;"), "the page data holds the expected band");
            assertTrue(en.contains("<strong>notified</strong>"), "the timeline's actions in words");

            String fr = page(web, vera, incidentId, "fr").body();
            assertTrue(fr.contains("Plus de mentions négatives de " + web.brand + " que d’habitude : 36 pour 3 attendues"
                    + " (12× l’habitude)."), fr);
            assertTrue(fr.contains("échec (abandon)"), "delivery states in French");
            assertTrue(fr.contains("<strong>notifié</strong>"), "the timeline's actions in French");
            assertTrue(fr.contains("critique"), "the severity in French");

            HttpResponse<String> unknown = page(web, vera, "inc-none-" + web.index.run, "en");
            assertEquals(404, unknown.statusCode());
        }
    }

    private static HttpResponse<String> page(WebFixture web, String session, String id, String language)
            throws Exception {
        return web.send(HttpRequest.newBuilder(URI.create(web.url("/incidents/" + id))).header("Cookie", session)
                .header("Accept-Language", language).build());
    }
}
