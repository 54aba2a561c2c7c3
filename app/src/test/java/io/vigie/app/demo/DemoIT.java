package io.vigie.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.app.PipelineTimeline;
import io.vigie.app.ShutdownSignal;
import io.vigie.model.IncidentStatus;
import io.vigie.model.ScoredMention;
import io.vigie.model.VigieJson;
import io.vigie.runtime.local.Ports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code vigie demo --headless} at high speed, in this JVM, with its own broker and Elasticsearch on free ports: the
 * real pipeline reads the simulated web and alerts. Checked just before the demo stops (its test hook), then on its
 * output.
 */
class DemoIT {
    private static final ObjectMapper JSON = VigieJson.newMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theHeadlessDemoAlertsOnceForTheLockMakersCrisisAndNeverForACalmBrandOrTheHomonym() throws Exception {
        Path data = Path.of(System.getProperty("vigie.it.dataDir", "target/it-servers")).resolveSibling("it-demo")
                .toAbsolutePath();
        int[] p = Ports.free(8);
        AtomicReference<DemoCommand.Live> seen = new AtomicReference<>();
        List<Throwable> failures = new ArrayList<>();
        DemoCommand demo = new DemoCommand(ShutdownSignal::new, live -> {
            seen.set(live);
            try {
                checkWhileRunning(live);
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(demo);
        cli.setOut(new PrintWriter(out, true));
        int code = cli.execute("--headless", "--speed", "8", "--data-dir", data.toString(),
                "--kafka-port", String.valueOf(p[0]), "--controller-port", String.valueOf(p[1]),
                "--es-port", String.valueOf(p[2]), "--es-transport-port", String.valueOf(p[3]),
                "--http-port", String.valueOf(p[4]), "--alerting-port", String.valueOf(p[5]),
                "--inbox-port", String.valueOf(p[6]), "--smtp-port", String.valueOf(p[7]));
        String printed = out.toString();
        System.out.println(printed);
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError("checks on the running demo failed; its output:\n" + printed,
                    failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
        assertNotNull(seen.get(), "the demo reached its end: " + printed);
        assertEquals(0, code, printed);
        String summary = printed.lines().filter(l -> l.startsWith("demo: crisis published ")).findFirst().orElse("");
        assertTrue(printed.contains("sign in as demo, password "), printed);
        assertTrue(summary.matches("demo: crisis published \\S+ \\(\\d+ posts\\), first alert after [0-9.]+ s,"
                + " incidents=\\d+ for mithril in 1 group\\(s\\) told to on-call-mail, false alarms=0"), printed);
        assertTrue(printed.contains("first crisis mention scored"), printed);
        assertTrue(printed.contains("signal START"), printed);
        assertTrue(printed.contains("notification OPENED delivered by email"), printed);
    }

    private void checkWhileRunning(DemoCommand.Live live) throws Exception {
        DemoTimeline t = live.timeline();
        assertEquals(0, live.exitCode());
        // Exactly one incident group, the lock maker's; none for the calm brands.
        assertFalse(t.crisisIncidents().isEmpty(), "the crisis opened incidents");
        assertEquals(1, t.crisisGroups(DemoCommand.ON_CALL), "one incident group for the crisis");
        assertTrue(t.calmBrandsWithIncidents().isEmpty(), "no incident for a calm brand: " + t.calmBrandsWithIncidents());
        assertTrue(t.falseAlarms().isEmpty(), "no false alarm: " + t.falseAlarms());

        // The homonym: the fans' posts reached analyze (mentions.raw), and none came out scored for the lock maker
        // (analyze publishes only mentions that match a brand).
        PipelineTimeline topics = t.topics();
        List<String> fanTitles = topics.raw.values().stream().map(PipelineTimeline.Seen::value)
                .filter(m -> m.source().equals(live.story().fanForum.title)).map(m -> m.title()).toList();
        assertTrue(fanTitles.size() >= 5, "the fans' chatter was read: " + fanTitles.size());
        List<String> matched = fanTitles.stream().filter(topics.scored::containsKey).toList();
        assertTrue(matched.isEmpty(), "Tolkien's mithril is not the brand: " + matched);
        List<ScoredMention> brandMentions = topics.scored.values().stream().map(PipelineTimeline.Seen::value)
                .filter(m -> m.brands().contains(DemoCast.MITHRIL.id())).toList();
        assertTrue(brandMentions.stream().anyMatch(ScoredMention::backfill), "the history came in as backfill");
        assertTrue(brandMentions.stream().noneMatch(m -> m.mention().text() != null
                && m.mention().text().toLowerCase().contains("frodo")), "no fan text matched the brand");

        // The forum has no feed: its crisis thread's comments came through the crawler, each followed by its permalink.
        List<DemoStory.Published> crawled = live.story().crisis().stream().filter(p -> p.title().isEmpty()).toList();
        assertTrue(crawled.size() >= 8, "the forum's crisis comments were posted: " + crawled.size());
        long crawledScored = crawled.stream().map(t::scoredOf).filter(java.util.Objects::nonNull)
                .filter(s -> s.value().mention().kind() == io.vigie.model.MentionKind.COMMENT
                        && s.value().mention().threadUrl() != null)
                .count();
        DemoStory.Published thread = live.story().crisis().stream()
                .filter(p -> p.url().equals(live.story().crisisThreadUrl()) && !p.title().isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("the crisis thread was opened"));
        PipelineTimeline.Seen<ScoredMention> opening = t.scoredOf(thread);
        // The opening post is the thread's POST, with the thread's title (what the timeline follows it by).
        assertNotNull(opening, "the thread's opening post was scored, by the thread's title: " + thread.title());
        assertEquals(io.vigie.model.MentionKind.POST, opening.value().mention().kind(), "the opening post is the POST");
        assertEquals(thread.url() + "#p1", opening.value().mention().url());
        assertTrue(crawledScored >= crawled.size() - 2, "the crawler read the forum thread's comments: " + crawledScored
                + " of " + crawled.size() + " scored as comments of their thread");

        // The first alert came once the detector had its evidence, and soon after.
        DemoTimeline.Evidence evidence = t.evidence(DemoCommand.WARM_UP, DemoCommand.QUIET);
        assertNotNull(evidence, "the replay of analyze's detectors finds the crisis post that completed the evidence");
        Instant alert = t.firstAlert();
        assertNotNull(alert, "an alert was delivered");
        long afterEvidenceMs = alert.toEpochMilli() - evidence.post().at().toEpochMilli();
        assertTrue(afterEvidenceMs >= 0, "no alert before its evidence existed: " + afterEvidenceMs + " ms");
        assertTrue(afterEvidenceMs <= 30_000, "alerted within 30 s of the evidence: " + afterEvidenceMs + " ms, "
                + evidence.needs().describe());

        // The e-mail in the inbox, with an acknowledgement link that works.
        DemoInbox.Mail mail = live.inbox().mails().get(0);
        assertTrue(mail.subject().contains("mithril"), mail.subject());
        DemoInbox.Link ack = mail.links().stream().filter(l -> l.label().equals("Acknowledge")).findFirst()
                .orElseThrow(() -> new AssertionError("no acknowledge link in " + mail.text()));
        assertTrue(ack.url().startsWith(live.alertingApi() + "/a/"), ack.url());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(ack.url())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(ack.url()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, done.statusCode(), done.body());
        assertFalse(live.inbox().chats().isEmpty(), "the chat receiver got the message too");

        // The incident, acknowledged, in the alerting API (the dashboards module serves no incident API here).
        // The API follows the incidents topic: the acknowledgement shows there once the owner has written it.
        JsonNode incidents = null;
        boolean acknowledged = false;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos(); !acknowledged
                && System.nanoTime() < deadline; Thread.sleep(250)) {
            incidents = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(live.alertingApi()
                    + "/api/incidents")).build(), HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode i : incidents) {
                assertEquals(DemoCast.MITHRIL.id(), i.path("brand").asText(), i.toString());
                acknowledged |= IncidentStatus.ACKNOWLEDGED.name().equals(i.path("status").asText());
            }
        }
        assertTrue(acknowledged, "the e-mail's link acknowledged the incident: " + incidents);
        // The same incident, acknowledged, in the dashboards' incident API (it follows the incidents topic too).
        JsonNode board = null;
        boolean onBoard = false;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos(); !onBoard
                && System.nanoTime() < deadline; Thread.sleep(250)) {
            board = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(live.dashboard() + "api/incidents"))
                    .header("Authorization", "Bearer " + live.access().viewerToken()).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode i : board) {
                assertEquals(DemoCast.MITHRIL.id(), i.path("brand").asText(), i.toString());
                onBoard |= IncidentStatus.ACKNOWLEDGED.name().equals(i.path("status").asText());
            }
        }
        assertTrue(onBoard, "the dashboards' incident API shows the acknowledged incident: " + board);
        // And the dashboard's tile counts the crisis' negative mentions.
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(live.dashboard() + "api/brands"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), "the dashboard's API needs a sign-in or a token: " + anonymous.body());
        JsonNode tiles = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(live.dashboard() + "api/brands"))
                .header("Authorization", "Bearer " + live.access().viewerToken()).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        boolean negativeTile = false;
        for (JsonNode tile : tiles) {
            negativeTile |= tile.path("brand").asText().equals(DemoCast.MITHRIL.id()) && tile.path("negative").asLong() > 5;
        }
        assertTrue(negativeTile, "the dashboard shows the crisis: " + tiles);
        // The overview's "usual" comes from the history loaded as backfill: a calm brand has one, the demo's
        // first minutes do not make it zero.
        JsonNode overview = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(live.dashboard() + "api/overview"))
                .header("Authorization", "Bearer " + live.access().viewerToken()).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        double ferroxUsual = -1;
        for (JsonNode tile : overview) {
            if (tile.path("brand").asText().equals(DemoCast.FERROX.id())) {
                ferroxUsual = tile.path("expectedHour").asDouble(-1);
            }
        }
        assertTrue(ferroxUsual > 0, "the overview counts the calm brand's history as its usual: " + overview);
    }
}
