package io.vigie.alerting.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.Fixtures;
import io.vigie.alerting.TestClock;
import io.vigie.alerting.api.SignedLinks;
import io.vigie.alerting.channels.ChatChannel;
import io.vigie.alerting.channels.HttpPost;
import io.vigie.alerting.channels.TeamsChannel;
import io.vigie.alerting.channels.WebhookChannel;
import io.vigie.model.IncidentEvent;
import io.vigie.model.IncidentStatus;
import io.vigie.model.MentionKind;
import io.vigie.model.Notification;
import io.vigie.model.RawMention;
import io.vigie.model.ScoredMention;
import io.vigie.model.Sentiment;
import io.vigie.model.SentimentLabel;
import io.vigie.model.Severity;
import io.vigie.model.SignalKind;
import io.vigie.model.VigieJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageRendererTest {
    private static final Instant T0 = Instant.parse("2026-11-23T14:05:00Z");
    private final AlertingConfig config = Fixtures.config(Fixtures.YAML);
    private final TestClock clock = new TestClock(T0);
    private final SignedLinks links = new SignedLinks(config.publicBaseUrl(), config.signingSecret(),
            Duration.ofDays(3), clock);
    private static final String NASTY = "Kryp<tonite> & \"Co\" *bold* _x_";

    private final Map<String, ScoredMention> mentions = Map.of(
            "m-1", mention("m-1", "Lock opened with a <b>pen</b> & \"bic\"", "https://blog.example/a(1)", SentimentLabel.NEGATIVE),
            "m-2", mention("m-2", "Vidéo : le cadenas s'ouvre", "https://video.example/v", SentimentLabel.NEUTRAL));
    private final MessageRenderer renderer = new MessageRenderer(config, links, id -> Optional.ofNullable(mentions.get(id)));

    private static ScoredMention mention(String id, String title, String url, SentimentLabel label) {
        RawMention raw = new RawMention(1, id, 1, "blogs.example", "blogs.example", MentionKind.COMMENT, url, null,
                null, "someone", title, "text of " + id, null, List.of(), List.of(), T0, T0, "en", null, null);
        return new ScoredMention(1, raw, List.of(NASTY), "en", 0.9, new Sentiment(label, -0.5, 0.9, "test", "1"),
                Map.of(), null, 1, false, T0, T0);
    }

    private Notification notification(String receiver) {
        IncidentEvent i = new IncidentEvent(1, "inc-1", NASTY, SignalKind.NEGATIVE_VOLUME, Severity.CRITICAL,
                IncidentStatus.OPEN, T0, T0, null, 36, 3, "negative mentions 12.0× expected", List.of("s1"),
                List.of("m-1", "m-2", "m-unknown"), List.of());
        return new Notification(1, "ntf-1", "inc-1", receiver, "webhook", "OPENED", null,
                Notification.DeliveryStatus.PENDING, 0, T0, null, T0, null, i, List.of());
    }

    private AlertingConfig.Receiver receiver(String name) {
        return config.receivers().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void englishAndFrenchReceiversGetTheirOwnLanguageAndTimeZone() {
        Message en = renderer.message(notification("ops-webhook"), receiver("ops-webhook"));
        assertTrue(en.subject().contains("New incident"), en.subject());
        assertTrue(en.text().contains("Since: 2026-11-23 14:05 UTC"), en.text());
        Message fr = renderer.message(notification("crisis-slack"), receiver("crisis-slack"));
        assertTrue(fr.subject().contains("Nouvel incident"), fr.subject());
        assertTrue(fr.text().contains("mentions négatives : 12,0 × le niveau attendu"), fr.text());
        assertTrue(fr.text().contains("23/11/2026 15:05 CET"), fr.text());
        assertTrue(fr.text().contains("1 négatives, 1 neutres, 0 positives"), fr.text());
    }

    @Test
    void theWebhookBodyIsValidJsonWhateverTheBrandAndTitlesContain() throws Exception {
        WebhookChannel webhook = new WebhookChannel(renderer, new HttpPost(), "secret-secret-secret", clock);
        JsonNode body = VigieJson.newMapper().readTree(webhook.body(notification("ops-webhook"), receiver("ops-webhook")));
        assertEquals(NASTY, body.get("brand").asText());
        assertEquals(12.0, body.get("ratio").asDouble());
        assertEquals("ntf-1", body.get("notificationId").asText());
        assertEquals("Lock opened with a <b>pen</b> & \"bic\"", body.get("mentions").get(0).get("title").asText());
        assertEquals(2, body.get("mentions").size());
        assertEquals(1, body.get("sentiment").get("negative").asInt());
        assertTrue(body.get("links").get("acknowledge").asText().startsWith("https://vigie.example.org/a/"));
        links.verify(body.get("links").get("acknowledge").asText().substring("https://vigie.example.org/a/".length()));
    }

    @Test
    void theEmailHtmlEscapesWhatCameFromTheWeb() {
        AlertingConfig.Receiver r = receiver("manager-mail");
        Message m = renderer.message(notification("manager-mail"), r);
        String html = renderer.render("email.html.peb", "html", m.context(), r);
        assertTrue(html.contains("Kryp&lt;tonite&gt; &amp; &quot;Co&quot;"), html);
        assertFalse(html.contains("<b>pen</b>"));
        assertTrue(html.contains("href=\"https://blog.example/a%281%29\""), html);
    }

    @Test
    void slackTextEscapesItsControlCharactersAndKeepsLinksWorking() throws Exception {
        ChatChannel slack = new ChatChannel(renderer, new HttpPost(), false);
        String text = VigieJson.newMapper().readTree(slack.body(notification("crisis-slack"), receiver("crisis-slack")))
                .get("text").asText();
        assertTrue(text.contains("Kryp&lt;tonite&gt; &amp; \"Co\""), text);
        assertTrue(text.contains("<https://blog.example/a%281%29|Lock opened with a &lt;b&gt;pen&lt;/b&gt; &amp; \"bic\">"), text);
        ChatChannel mattermost = new ChatChannel(renderer, new HttpPost(), true);
        String md = VigieJson.newMapper().readTree(mattermost.body(notification("crisis-slack"), receiver("crisis-slack")))
                .get("text").asText();
        assertTrue(md.contains("\\*bold\\*"), md);
    }

    @Test
    void theTeamsCardIsAnAdaptiveCardWithActionButtons() throws Exception {
        TeamsChannel teams = new TeamsChannel(renderer, new HttpPost());
        JsonNode body = VigieJson.newMapper().readTree(teams.body(notification("ops-webhook"), receiver("ops-webhook")));
        JsonNode card = body.get("attachments").get(0).get("content");
        assertEquals("AdaptiveCard", card.get("type").asText());
        assertEquals(3, card.get("actions").size());
        assertEquals("Acknowledge", card.get("actions").get(0).get("title").asText());
        assertTrue(card.get("body").get(0).get("text").asText().contains(NASTY));
    }

    @Test
    void aGroupedMessageTellsEveryKindOfTheCrisisAndItsLinksActOnAllOfThem() throws Exception {
        Notification one = notification("crisis-slack");
        IncidentEvent volume = new IncidentEvent(1, "inc-2", NASTY, SignalKind.VOLUME, Severity.CRITICAL,
                IncidentStatus.OPEN, T0, T0, null, 40, 5, "mentions 8.0× expected", List.of("s2"), List.of(),
                List.of());
        Notification grouped = new Notification(1, "ntf-2", "inc-1", "crisis-slack", "slack", "OPENED", null,
                Notification.DeliveryStatus.PENDING, 0, T0, null, T0, null, one.incident(), List.of(volume));
        Message fr = renderer.message(grouped, receiver("crisis-slack"));
        assertTrue(fr.text().contains("Aussi dans cette crise"), fr.text());
        assertTrue(fr.text().contains("- mentions : 8,0 × le niveau attendu, critique"), fr.text());
        String ack = ((Map<?, ?>) fr.context().get("links")).get("acknowledge").toString();
        String token = ack.substring(ack.indexOf("/a/") + 3);
        assertEquals(List.of("inc-1", "inc-2"), links.verify(token).incidentIds());
        JsonNode body = VigieJson.newMapper().readTree(renderer.render("webhook.json.peb", "json", fr.context(),
                receiver("crisis-slack")));
        assertEquals("inc-2", body.get("grouped").get(0).get("incidentId").asText());
        assertEquals(8.0, body.get("grouped").get(0).get("ratio").asDouble());
    }
}
