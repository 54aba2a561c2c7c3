package io.vigie.dashboards.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.dashboards.web.auth.Principal;
import io.vigie.dashboards.web.auth.Role;
import io.vigie.dashboards.web.brand.BrandFigures;
import io.vigie.dashboards.web.brand.Range;
import io.vigie.dashboards.web.i18n.UserPreferences;
import io.vigie.dashboards.web.live.MentionCard;
import io.vigie.dashboards.web.overview.BrandTileFigures;
import io.vigie.model.Direction;
import io.vigie.model.SentimentLabel;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import io.vigie.model.VigieJson;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every template renders in both languages with realistic models, escaping what a mention says. */
class ViewsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    private static final String HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    private final Views views = new Views();
    private final Principal viewer = new Principal("vera", Role.VIEWER, "csrf-token-1", false);

    private String render(String template, Map<String, Object> model, Locale locale, Principal user) {
        return views.renderToString(template, model, new UserPreferences(locale, ZoneId.of("Europe/Paris")), user,
                "/brands/kryptonite", "range=24h");
    }

    private static MentionCard card(String id) {
        return new MentionCard(id, List.of("kryptonite"), HOSTILE, HOSTILE, "https://forum.example/p/1", "forum",
                "forum.example", HOSTILE, "post", "fr", "NEGATIVE", Map.of("kryptonite", "NEGATIVE"), 3, 120, false, NOW, NOW, 1);
    }

    private void assertSafe(String html) {
        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("<img src=x"), html);
        assertFalse(html.contains("??"), "a missing message key: " + html);
        assertFalse(html.contains(" style=\""), "no style attribute (CSP)");
        assertFalse(html.matches("(?s).*<script>(?!</script>).*"), "no inline script");
    }

    @Test
    void theSignInAndErrorPagesRenderInBothLanguages() {
        for (Locale l : UserPreferences.SUPPORTED) {
            String signin = render("signin", Map.of("signinToken", "tok", "next", "/", "error", "signin.wrong", "name", HOSTILE),
                    l, Principal.NOBODY);
            assertSafe(signin);
            assertTrue(signin.contains("name=\"_csrf\" value=\"tok\""));
            String error = render("error", Map.of("status", 403, "message", HOSTILE), l, viewer);
            assertSafe(error);
        }
        assertTrue(render("signin", Map.of("signinToken", "t", "next", "/"), Locale.FRENCH, Principal.NOBODY).contains("Connexion"));
    }

    @Test
    void theOverviewShowsTilesWithStatesInWords() {
        var tiles = List.of(new BrandTileFigures("kryptonite", HOSTILE, 30, 100, 4.2, 100.5, 40,
                Collections.nCopies(24, 3L), 1));
        for (Locale l : UserPreferences.SUPPORTED) {
            String html = render("overview", Map.of("tiles", tiles, "liveId", "0.0.1"), l, viewer);
            assertSafe(html);
            assertTrue(html.contains("data-brand=\"kryptonite\""));
            assertTrue(html.contains(l == Locale.FRENCH ? "1 incident ouvert" : "1 open incident"), html);
        }
        assertTrue(render("overview", Map.of("tiles", tiles, "liveId", ""), Locale.FRENCH, viewer).contains("4,2"),
                "French decimals");
    }

    @Test
    void theBrandPageRendersItsFiguresSignalsAndStream() throws Exception {
        Range range = Range.parse("24h", null, null, null, ZoneId.of("UTC"), NOW);
        BrandFigures f = new BrandFigures("kryptonite", NOW.toEpochMilli(), 3_600_000L, List.of(1L, 2L), List.of(3L, 4L),
                List.of(1.0, 2.0), List.of(0.0, 0.0), List.of(3.0, 4.0), List.of(1L, 1L), List.of(1L, 2L), List.of(1L, 1L),
                7, List.of(new BrandFigures.Count("fr", 5)), List.of(new BrandFigures.Count(HOSTILE, 5)),
                List.of(new BrandFigures.Count("forum.example", 5)), List.of(new BrandFigures.Author(HOSTILE, 2, 10)),
                List.of(new BrandFigures.Author("a", 1, 100)), List.of(new BrandFigures.Term("stylo", 4, 1, 2.5)),
                List.of(new BrandFigures.Term("bic", 4, 0, 9.1)), List.of(new BrandFigures.ShareOfVoice("locks",
                        List.of(new BrandFigures.Count("kryptonite", 7), new BrandFigures.Count("abus", 3)), 10)));
        SpikeSignal s = new SpikeSignal(1, "sig-1", "kryptonite", SignalKind.values()[0], SignalPhase.values()[0],
                Direction.values()[0], null, NOW.minusSeconds(600), NOW, 30, 4, 5, null, HOSTILE, List.of());
        for (Locale l : UserPreferences.SUPPORTED) {
            Map<String, Object> m = new HashMap<>();
            m.put("brand", "kryptonite");
            m.put("brandName", "Kryptonite");
            m.put("range", range);
            m.put("figures", f);
            m.put("mentions", List.of(card("m1")));
            m.put("signals", List.of(s));
            m.put("incidents", List.of());
            m.put("pageData", VigieJson.newMapper().writeValueAsString(Map.of("figures", f, "hostile", HOSTILE)));
            String html = render("brand", m, l, viewer);
            assertSafe(html);
            assertTrue(html.contains("70 %"), "share of voice in percent");
            assertTrue(html.contains("data-id=\"m1\""));
            assertTrue(html.contains(l == Locale.FRENCH ? "négatif" : "negative"), "the sentiment in words");
        }
    }

    @Test
    void theMentionPageRendersTheSafeHtmlOnlyAndOffersActionsToRespondersOnly() throws Exception {
        JsonNode doc = VigieJson.newMapper().readTree("{\"id\":\"m1\",\"engagement\":{\"views\":1200,\"likes\":3,\"reach\":1200}}");
        Map<String, Object> m = new HashMap<>();
        m.put("doc", doc);
        m.put("card", card("m1"));
        m.put("link", "https://forum.example/p/1");
        m.put("safeHtml", "<p>Un <b>Bic</b> suffit</p>");
        m.put("sentences", List.of(Map.of("brand", "kryptonite", "fragments", List.of("Mon <mark>Kryptonite</mark> &lt;b&gt;"))));
        m.put("copies", List.of(card("m2")));
        m.put("parent", List.of());
        m.put("thread", List.of(card("m3")));
        m.put("engagement", doc.path("engagement"));
        m.put("flags", List.of(VigieJson.newMapper().readTree("{\"kind\":\"handled\",\"by\":\"remi\",\"at\":\"x\"}")));
        for (Locale l : UserPreferences.SUPPORTED) {
            String asViewer = render("mention", m, l, viewer);
            assertSafe(asViewer);
            assertTrue(asViewer.contains("<p>Un <b>Bic</b> suffit</p>"));
            assertTrue(asViewer.contains("<mark>Kryptonite</mark>"));
            assertFalse(asViewer.contains("flag-form"));
            String asResponder = render("mention", m, l, new Principal("remi", Role.RESPONDER, "c2", false));
            assertTrue(asResponder.contains("id=\"flag-form\"") && asResponder.contains("value=\"c2\""));
        }
    }

    @Test
    void unusedLabelsAreNotCheckedButEveryKeyExistsInBothLanguages() throws Exception {
        var en = new java.util.Properties();
        var fr = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("/io/vigie/dashboards/web/messages_en.properties");
             var b = getClass().getResourceAsStream("/io/vigie/dashboards/web/messages_fr.properties")) {
            en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            fr.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertTrue(en.keySet().equals(fr.keySet()), "keys only in one language: "
                + new java.util.TreeSet<>(en.keySet()).stream().filter(k -> !fr.containsKey(k)).toList()
                + new java.util.TreeSet<>(fr.keySet()).stream().filter(k -> !en.containsKey(k)).toList());
        assertFalse(SentimentLabel.values().length == 0);
    }
}
