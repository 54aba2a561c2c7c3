package io.vigie.dashboards.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.dashboards.search.SearchCursor;
import io.vigie.dashboards.search.SearchFixture;
import io.vigie.dashboards.search.bench.SyntheticMention;
import io.vigie.model.MentionKind;
import io.vigie.model.SentimentLabel;
import io.vigie.model.VigieJson;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search page and its API over HTTP, on a running dashboards instance and a known corpus in the real
 * Elasticsearch: errors with their position, facets, deep paging, saved search links, exports read back.
 */
class SearchWebIT {
    static final int MENTIONS = 130;
    private static final java.net.http.HttpClient DOWNLOADS = java.net.http.HttpClient.newHttpClient();
    private static WebFixture web;
    private static SearchFixture es;
    private static String vera;
    private static String remi;

    @BeforeAll
    static void corpus() throws Exception {
        web = WebFixture.start();
        es = new SearchFixture(web.index.alias);
        es.index(mentions(web.brand, web.rival, MENTIONS));
        vera = DashboardWebIT.signIn(web, WebFixture.VIEWER);
        remi = DashboardWebIT.signIn(web, WebFixture.RESPONDER);
    }

    /** Every mention names {@code brand}; every other one also {@code rival}; three sentiments, two languages. */
    static List<SyntheticMention> mentions(String brand, String rival, int n) {
        List<SyntheticMention> out = new ArrayList<>();
        Instant start = Instant.parse("2026-11-20T08:00:00Z");
        for (int i = 0; i < n; i++) {
            boolean fr = i % 2 == 0;
            out.add(new SyntheticMention(brand + "-" + i, "web", "forum" + (i % 3) + ".example", MentionKind.POST,
                    "auteur " + (i % 4), "Titre " + i,
                    fr ? "Mon cadenas " + brand + " a été ouvert, numéro " + i : "My " + brand + " lock was opened, number " + i,
                    fr ? "fr" : "en", i % 2 == 1 ? List.of(brand, rival) : List.of(brand), SentimentLabel.values()[i % 3],
                    (long) (i * 10), null, start.plus(Duration.ofHours(i))));
        }
        return out;
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
    }

    private static HttpResponse<String> get(String path, String session, String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.url(path))).header("Cookie", session);
        if (language != null) {
            b.header("Accept-Language", language);
        }
        return web.send(b.build());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return VigieJson.newMapper().readTree(r.body());
    }

    private static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> postForm(String path, String session, Map<String, String> fields) throws Exception {
        return web.send(HttpRequest.newBuilder(URI.create(web.url(path))).header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(DashboardWebIT.form(fields)).build());
    }

    private static HttpResponse<String> postWithToken(String path, Map<String, String> fields) throws Exception {
        return web.send(HttpRequest.newBuilder(URI.create(web.url(path))).header("Authorization", "Bearer " + web.viewerToken)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(DashboardWebIT.form(fields)).build());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("hits").forEach(h -> ids.add(h.path("id").asText()));
        return ids;
    }

    @Test
    void anonymousRequestsAreRefusedAndSentToTheSignIn() throws Exception {
        assertEquals(401, web.send(HttpRequest.newBuilder(URI.create(web.url("/api/search?q=x"))).build()).statusCode());
        HttpResponse<String> page = web.send(HttpRequest.newBuilder(URI.create(web.url("/search?q=x"))).build());
        assertEquals(302, page.statusCode());
        assertEquals("/signin?next=%2Fsearch%3Fq%3Dx", page.headers().firstValue("Location").orElse(""));
        HttpResponse<String> export = web.send(HttpRequest.newBuilder(URI.create(web.url("/api/search/exports")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(DashboardWebIT.form(Map.of("q", "x"))).build());
        assertEquals(401, export.statusCode());
    }

    @Test
    void aMalformedQueryAnswers400WithItsPositionInTheUsersLanguage() throws Exception {
        HttpResponse<String> en = get("/api/search?q=" + q("cadenas lnag:fr"), vera, "en");
        assertEquals(400, en.statusCode(), en.body());
        JsonNode error = json(en);
        assertEquals(8, error.path("position").asInt());
        assertEquals("query.field.unknown", error.path("key").asText());
        assertTrue(error.path("error").asText().startsWith("unknown field 'lnag:'"), en.body());
        JsonNode fr = json(get("/api/search?q=" + q("cadenas lnag:fr"), vera, "fr-FR,fr;q=0.9"));
        assertTrue(fr.path("error").asText().startsWith("champ inconnu"), fr.toString());

        HttpResponse<String> page = get("/search?q=" + q("cadenas AND"), vera, "fr");
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("data-position=\"11\""), page.body());
        assertTrue(page.body().contains("au caractère 12"), "the position, in French");
        assertTrue(page.body().contains("value=\"cadenas AND\""), "the query stays in the box to be fixed");
    }

    @Test
    void theFirstPageCountsAndFacetsTheWholeResultSetAndAFacetNarrowsIt() throws Exception {
        JsonNode all = json(get("/api/search?q=" + q("brand:" + web.brand), vera, null));
        assertEquals(MENTIONS, all.path("total").asLong(), all.toString());
        JsonNode rival = null;
        for (JsonNode v : all.path("facets")) {
            if (v.path("field").asText().equals("brand")) {
                for (JsonNode b : v.path("values")) {
                    if (b.path("value").asText().equals(web.rival)) {
                        rival = b;
                    }
                }
            }
        }
        assertNotNull(rival, all.path("facets").toString());
        assertEquals(MENTIONS / 2, rival.path("count").asLong());
        assertEquals("brand:" + web.brand + " brand:" + web.rival, rival.path("query").asText());
        JsonNode narrowed = json(get("/api/search?q=" + q(rival.path("query").asText()), vera, null));
        assertEquals(MENTIONS / 2, narrowed.path("total").asLong(), "the facet's count is what its click finds");

        long histogram = 0;
        for (JsonNode b : all.path("histogram")) {
            histogram += b.path("count").asLong();
        }
        assertEquals(MENTIONS, histogram, "the histogram covers the whole result set");

        JsonNode highlighted = json(get("/api/search?q=" + q("cadenas brand:" + web.brand), vera, null));
        assertEquals(MENTIONS / 2, highlighted.path("total").asLong());
        assertTrue(highlighted.path("hits").get(0).path("highlight").get(0).asText().contains("<mark>cadenas</mark>"),
                highlighted.path("hits").get(0).toString());

        // The page: facets link to the narrowed query, the histogram's data travels in data-json.
        HttpResponse<String> page = get("/search?q=" + q("brand:" + web.brand), vera, "en");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("href=\"/search?q=" + q("brand:" + web.brand + " brand:" + web.rival) + "&amp;sort=date\""),
                page.body());
        assertTrue(page.body().contains(MENTIONS + " mentions found"), page.body());

        // The old box's parameters still answer: brand= adds brand:<id>.
        JsonNode old = json(web.get("/api/search?q=cadenas&brand=" + web.brand));
        assertEquals(MENTIONS / 2, old.path("total").asLong());
    }

    @Test
    void pagesThroughTheCursorShowEveryHitOnceInASortedOrder() throws Exception {
        for (String sort : List.of("date", "relevance", "engagement", "reach")) {
            List<String> seen = new ArrayList<>();
            JsonNode page = json(get("/api/search?size=25&sort=" + sort + "&q=" + q("brand:" + web.brand), vera, null));
            int pages = 1;
            seen.addAll(ids(page));
            while (page.hasNonNull("next")) {
                page = json(get("/api/search?cursor=" + page.path("next").asText(), vera, null));
                assertEquals(++pages, page.path("page").asInt());
                seen.addAll(ids(page));
            }
            assertEquals(MENTIONS, seen.size(), sort + ": every hit once: " + seen);
            assertEquals(MENTIONS, new HashSet<>(seen).size(), sort + ": none twice");
            assertEquals(6, pages, sort);
            if (sort.equals("date") || sort.equals("engagement")) {
                assertEquals(web.brand + "-" + (MENTIONS - 1), seen.get(0), "newest and most viewed first");
            }
        }

        // The page: the next link reads the following page as HTML, other hits.
        HttpResponse<String> first = get("/search?q=" + q("brand:" + web.brand), vera, "en");
        Set<String> one = hitIds(first.body());
        assertEquals(20, one.size());
        Matcher next = Pattern.compile("id=\"next-page\" rel=\"next\" href=\"/search\\?cursor=([^\"]+)\"").matcher(first.body());
        assertTrue(next.find(), first.body());
        HttpResponse<String> second = get("/search?cursor=" + next.group(1) + "&part=results", vera, "en");
        assertEquals(200, second.statusCode());
        assertTrue(second.body().startsWith("<div id=\"results\" data-page=\"2\">"), second.body());
        Set<String> two = hitIds(second.body());
        assertEquals(20, two.size());
        two.retainAll(one);
        assertEquals(Set.of(), two, "page 2 repeats nothing of page 1");
    }

    static Set<String> hitIds(String html) {
        Set<String> ids = new HashSet<>();
        Matcher m = Pattern.compile("<li class=\"mention hit\" data-id=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void anExpiredResultSetSaysSearchAgainAndABadCursorIsRefused() throws Exception {
        JsonNode page = json(get("/api/search?size=10&q=" + q("brand:" + web.brand), vera, null));
        String token = page.path("next").asText();
        es.client.closePointInTime(c -> c.id(SearchCursor.decode(token).pitId()));
        HttpResponse<String> expired = get("/api/search?cursor=" + token, vera, null);
        assertEquals(410, expired.statusCode(), expired.body());
        assertTrue(json(expired).path("expired").asBoolean());
        HttpResponse<String> expiredPage = get("/search?cursor=" + token, vera, "en");
        assertEquals(410, expiredPage.statusCode());
        assertTrue(expiredPage.body().contains("id=\"search-again\" href=\"/search?q=" + q("brand:" + web.brand) + "&amp;sort=date\""),
                expiredPage.body());
        assertEquals(400, get("/api/search?cursor=not-a-token", vera, null).statusCode());
        assertEquals(400, get("/api/search?sort=loudest", vera, null).statusCode());
    }

    @Test
    void aSavedSearchIsListedForItsOwnerOpensByLinkForAnyoneAndIsDeletedByItsOwnerOnly() throws Exception {
        String query = "cadenas brand:" + web.brand;
        HttpResponse<String> page = get("/search?q=" + q(query), vera, "en");
        String csrf = DashboardWebIT.field(page.body(), "_csrf");
        assertEquals(403, postForm("/search/saved", vera, Map.of("name", "x", "q", query)).statusCode(),
                "no CSRF token, no save");
        HttpResponse<String> saved = postForm("/search/saved", vera,
                Map.of("_csrf", csrf, "name", "Cadenas <b>FR</b>", "q", query, "sort", "reach"));
        assertEquals(303, saved.statusCode(), saved.body());
        String location = saved.headers().firstValue("Location").orElseThrow();
        Matcher id = Pattern.compile("&saved=([A-Za-z0-9_-]+)$").matcher(location);
        assertTrue(id.find(), location);
        String link = "/search/saved/" + id.group(1);

        JsonNode mine = json(get("/api/search/saved", vera, null));
        assertEquals(1, mine.size(), mine.toString());
        assertEquals(query, mine.get(0).path("query").asText());
        assertEquals(0, json(get("/api/search/saved", remi, null)).size(), "listed for its owner only");
        HttpResponse<String> listed = get("/search", vera, "en");
        assertTrue(listed.body().contains("href=\"" + link + "\">Cadenas &lt;b&gt;FR&lt;/b&gt;</a>"), listed.body());

        HttpResponse<String> opened = get(link, remi, null);
        assertEquals(302, opened.statusCode(), "the share link opens for a teammate");
        String target = opened.headers().firstValue("Location").orElseThrow();
        assertEquals("/search?q=" + q(query) + "&sort=reach", target);
        HttpResponse<String> search = get(target, remi, "en");
        assertEquals(200, search.statusCode());
        assertTrue(search.body().contains((MENTIONS / 2) + " mentions found"), search.body());

        String remiCsrf = DashboardWebIT.field(search.body(), "_csrf");
        assertEquals(403, postForm(link + "/delete", remi, Map.of("_csrf", remiCsrf)).statusCode(), "not the owner");
        assertEquals(303, postForm(link + "/delete", vera, Map.of("_csrf", csrf)).statusCode());
        assertEquals(404, get(link, vera, null).statusCode());
        assertEquals(0, json(get("/api/search/saved", vera, null)).size());
    }

    @Test
    void aViewerExportsTheWholeResultSetInEachFormatAndDownloadsEveryRowOnce() throws Exception {
        Map<String, Integer> expected = new HashMap<>();
        String last = null;
        for (String format : List.of("csv", "csv-fr", "xlsx", "ndjson")) {
            HttpResponse<String> started = postWithToken("/api/search/exports",
                    Map.of("q", "brand:" + web.brand, "format", format));
            assertEquals(202, started.statusCode(), started.body());
            String id = json(started).path("id").asText();
            last = id;
            JsonNode state = json(started);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (state.path("state").asText().equals("RUNNING") && System.nanoTime() < deadline) {
                Thread.sleep(100);
                state = json(web.get("/api/search/exports/" + id));
            }
            assertEquals("DONE", state.path("state").asText(), state.toString());
            assertEquals(MENTIONS, state.path("rows").asLong());
            assertEquals(MENTIONS, state.path("total").asLong());
            assertEquals(404, get("/api/search/exports/" + id, remi, null).statusCode(), "another user's export");

            HttpResponse<java.io.InputStream> file = DOWNLOADS.send(HttpRequest.newBuilder(URI.create(web.url(state.path("download").asText())))
                    .header("Authorization", "Bearer " + web.viewerToken).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, file.statusCode());
            assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"vigie-export-"));
            assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith(
                    format.equals("xlsx") ? "application/vnd.openxmlformats" : format.equals("ndjson") ? "application/x-ndjson" : "text/csv"));
            Map<String, Integer> rows = idsIn(format, file.body().readAllBytes());
            assertEquals(MENTIONS, rows.size(), format + ": every mention");
            assertTrue(rows.values().stream().allMatch(n -> n == 1), format + ": each once");
            if (expected.isEmpty()) {
                expected.putAll(rows);
            }
            assertEquals(expected, rows);
        }
        HttpResponse<String> lateCancel = postWithToken("/api/search/exports/" + last + "/cancel", Map.of());
        assertEquals(200, lateCancel.statusCode(), lateCancel.body());
        assertEquals("DONE", json(lateCancel).path("state").asText(), "a cancel after the end leaves the file");
        assertEquals(404, postWithToken("/api/search/exports/nope/cancel", Map.of()).statusCode());
        HttpResponse<String> bad = postWithToken("/api/search/exports", Map.of("q", "brand:" + web.brand, "format", "pdf"));
        assertEquals(400, bad.statusCode());
        HttpResponse<String> malformed = postWithToken("/api/search/exports", Map.of("q", "(cadenas", "format", "csv"));
        assertEquals(400, malformed.statusCode());
        assertEquals(8, json(malformed).path("position").asInt(), "the end, where the ( should close: " + malformed.body());
    }

    /** How many times each mention id is in an export, read back by commons-csv, POI or Jackson. */
    private static Map<String, Integer> idsIn(String format, byte[] bytes) throws Exception {
        Map<String, Integer> rows = new HashMap<>();
        switch (format) {
            case "xlsx" -> {
                try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
                    Sheet sheet = workbook.getSheetAt(0);
                    assertEquals("id", sheet.getRow(0).getCell(0).getStringCellValue());
                    for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                        rows.merge(sheet.getRow(i).getCell(0).getStringCellValue(), 1, Integer::sum);
                    }
                }
            }
            case "ndjson" -> {
                for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                    rows.merge(VigieJson.newMapper().readTree(line).path("id").asText(), 1, Integer::sum);
                }
            }
            default -> {
                boolean french = format.equals("csv-fr");
                assertEquals(french, bytes.length > 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB,
                        "a byte-order mark for French Excel only");
                CSVFormat csv = CSVFormat.RFC4180.builder().setDelimiter(french ? ';' : ',').setHeader()
                        .setSkipHeaderRecord(true).get();
                try (Reader in = new InputStreamReader(new ByteArrayInputStream(bytes, french ? 3 : 0, bytes.length),
                        StandardCharsets.UTF_8)) {
                    for (CSVRecord r : csv.parse(in)) {
                        rows.merge(r.get("id"), 1, Integer::sum);
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void statusFindsTheResponseStateTheDeskWrites() throws Exception {
        String answered = web.brand + "-7";
        Instant at = Instant.parse("2026-11-20T08:00:00Z").plus(Duration.ofHours(7));
        es.client.update(u -> u.index(es.indexFor(at)).id(answered)
                .doc(Map.of("response", Map.of("status", "ANSWERED", "version", 1))).refresh(Refresh.WaitFor), Map.class);
        JsonNode found = json(get("/api/search?q=" + q("status:answered brand:" + web.brand), vera, null));
        assertEquals(List.of(answered), ids(found), found.toString());
        JsonNode notHandled = json(get("/api/search?q=" + q("-status:answered brand:" + web.brand), vera, null));
        assertEquals(MENTIONS - 1, notHandled.path("total").asLong());
        assertFalse(ids(json(get("/api/search?q=" + q("status:open brand:" + web.brand), vera, null))).contains(answered));
    }
}
