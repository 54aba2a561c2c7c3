package io.vigie.dashboards.web;

import static io.vigie.dashboards.index.IndexerFixture.await;
import static io.vigie.dashboards.index.IndexerFixture.quietly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.dashboards.DashboardsConfig;
import io.vigie.dashboards.index.IndexerFixture;
import io.vigie.dashboards.index.MentionIndexer;
import io.vigie.dashboards.index.Samples;
import io.vigie.model.VigieJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The live page over documents the real indexer wrote into the real Elasticsearch. */
class DashboardWebIT {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageShowsLiveBrandCountsAndFindsMentionsAccentBlindWithTheirMarkupEscaped() throws Exception {
        try (IndexerFixture it = new IndexerFixture()) {
            Instant now = Instant.now();
            for (int i = 0; i < 5; i++) {
                it.send(Samples.mention(it.run + "-" + i, it.source, now.minusSeconds(60 + i), 1));
            }
            it.send(Samples.mention(it.run + "-hostile", it.source, now.minusSeconds(30), 1,
                    "<script>alert('pwned')</script> cadenas", "javascript:alert(1)"));
            it.flush();
            try (MentionIndexer indexer = it.indexer("web")) {
                indexer.start();
                await("6 documents", Duration.ofSeconds(90), quietly(() -> it.countThroughAlias() == 6));
            }
            DashboardWeb web = new DashboardWeb(new DashboardsConfig.Http(true, "127.0.0.1", 0),
                    it.cluster.elasticsearch(), it.alias, Clock.systemUTC());
            try {
                web.start();
                int port = web.port();

                HttpResponse<String> home = get(port, "/");
                assertEquals(200, home.statusCode());
                assertTrue(home.body().contains("?brand=kryptonite"), home.body());

                JsonNode tiles = VigieJson.newMapper().readTree(get(port, "/api/brands").body());
                JsonNode kryptonite = null;
                for (JsonNode t : tiles) {
                    if (t.path("brand").asText().equals("kryptonite")) {
                        kryptonite = t;
                    }
                }
                assertTrue(kryptonite != null, tiles.toString());
                assertEquals(6, kryptonite.path("lastDay").asLong());
                assertEquals(6, kryptonite.path("lastHour").asLong());
                assertEquals(6, kryptonite.path("negative").asLong());

                String query = URLEncoder.encode("equipe", StandardCharsets.UTF_8);
                JsonNode found = VigieJson.newMapper().readTree(get(port, "/api/search?q=" + query + "&brand=kryptonite").body());
                assertEquals(6, found.path("total").asLong(), "'equipe' finds 'L’équipe' through foldedText");

                HttpResponse<String> searchPage = get(port, "/?q=" + URLEncoder.encode("cadenas", StandardCharsets.UTF_8));
                assertEquals(200, searchPage.statusCode());
                assertTrue(searchPage.body().contains("&lt;script&gt;alert("), "the hostile title is shown as text");
                assertFalse(searchPage.body().contains("<script>alert("), "and never runs");
                assertFalse(searchPage.body().contains("javascript:"), "a javascript: URL is never a link");

                assertEquals(400, get(port, "/api/search?size=100000").statusCode());
                assertEquals("ok", get(port, "/health").body());
            } finally {
                web.close();
            }
        }
    }

    @Test
    void whenElasticsearchIsUnreachableThePageSaysSoWithStatus503() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DashboardWeb web = new DashboardWeb(new DashboardsConfig.Http(true, "127.0.0.1", 0),
                io.vigie.runtime.connect.ElasticsearchConnection.open(URI.create("http://127.0.0.1:" + closedPort)),
                "vigie-mentions", Clock.systemUTC());
        try {
            web.start();
            HttpResponse<String> home = get(web.port(), "/");
            assertEquals(503, home.statusCode());
            assertTrue(home.body().contains("Elasticsearch could not answer"), home.body());
        } finally {
            web.close();
        }
    }
}
