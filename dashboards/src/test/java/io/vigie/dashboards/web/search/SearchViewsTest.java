package io.vigie.dashboards.web.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.dashboards.search.SavedSearch;
import io.vigie.dashboards.search.SearchCursor;
import io.vigie.dashboards.search.SearchPage;
import io.vigie.dashboards.search.SearchSort;
import io.vigie.dashboards.web.Views;
import io.vigie.dashboards.web.auth.Principal;
import io.vigie.dashboards.web.auth.Role;
import io.vigie.dashboards.web.i18n.UserPreferences;
import io.vigie.query.QueryField;
import io.vigie.query.QueryParseException;
import io.vigie.query.SearchQuery;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The search page's templates in both languages, what a hit may carry into the page, and facet refinement. */
class SearchViewsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    private static final String HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    private final Views views = new Views();
    private final Principal viewer = new Principal("vera", Role.VIEWER, "csrf-token-1", false);

    private String render(String template, Map<String, Object> model, Locale locale) {
        return views.renderToString(template, model, new UserPreferences(locale, ZoneId.of("Europe/Paris")), viewer,
                "/search", "q=x");
    }

    private static void assertSafe(String html) {
        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("??"), "a missing message key: " + html);
        assertFalse(html.contains(" style=\""), "no style attribute (CSP)");
        assertFalse(html.matches("(?s).*<script>(?!</script>).*"), "no inline script");
    }

    private static SearchPage.SearchHit hit(String id, List<String> highlight) {
        return new SearchPage.SearchHit(id, NOW, List.of("kryptonite"), HOSTILE, "forum.example", "post",
                "javascript:alert(1)", HOSTILE, HOSTILE, HOSTILE + " texte", highlight, "fr", "NEGATIVE", -0.7, 1200L, 1500L);
    }

    private Map<String, Object> model(SearchPage page, String q) throws Exception {
        Map<String, Object> m = new HashMap<>();
        m.put("q", q);
        m.put("sort", "date");
        m.put("sorts", List.of("date", "relevance", "engagement", "reach"));
        m.put("expired", false);
        m.put("hits", page.hits().stream().map(HitView::of).toList());
        m.put("pageNumber", page.page());
        m.put("next", page.next() == null ? "" : page.next().encode());
        m.put("total", page.total());
        m.put("facets", AnalystSearchPage.facets(q, SearchSort.DATE, page));
        m.put("pageData", "{\"histogram\":{}}");
        m.put("formats", ExportActions.FORMATS.keySet());
        m.put("saved", List.of(new SavedSearch("abc_123", "vera", HOSTILE, HOSTILE, SearchSort.REACH, NOW)));
        return m;
    }

    @Test
    void theSearchPageRendersHitsFacetsSavedSearchesAndExportInBothLanguages() throws Exception {
        Map<QueryField, List<SearchPage.FacetCount>> facets = new LinkedHashMap<>();
        facets.put(QueryField.BRAND, List.of(new SearchPage.FacetCount(QueryField.BRAND, "bic", 3)));
        facets.put(QueryField.SENTIMENT, List.of(new SearchPage.FacetCount(QueryField.SENTIMENT, "NEGATIVE", 2)));
        facets.put(QueryField.AUTHOR, List.of(new SearchPage.FacetCount(QueryField.AUTHOR, "Jean Dupont", 1)));
        facets.put(QueryField.LANG, List.of(new SearchPage.FacetCount(QueryField.LANG, "fr", 4)));
        SearchPage page = new SearchPage(1234, List.of(hit("m1", List.of("mon <mark>kryptonite</mark> &lt;img src=x&gt;",
                "<img src=x onerror=alert(1)><mark>b</mark>"))), facets, List.of(),
                new SearchCursor("pit", "(kryptonite OR abus) lang:fr", SearchSort.DATE, 20, List.of(1L, 2L), 1), 1);
        for (Locale l : UserPreferences.SUPPORTED) {
            String html = render("search", model(page, "(kryptonite OR abus) lang:fr"), l);
            assertSafe(html);
            assertTrue(html.contains("mon <mark>kryptonite</mark> &lt;img src=x&gt;"), "the highlight keeps its marks: " + html);
            assertTrue(html.contains("<p class=\"fragment\">… <mark>b</mark> …</p>"), "and nothing else");
            assertFalse(html.contains("href=\"javascript:"), "a non-http URL is never a link");
            assertTrue(html.contains("href=\"/search?q=%28kryptonite+OR+abus%29+lang%3Afr+brand%3Abic&amp;sort=date\""),
                    "a facet adds its clause to the whole query: " + html);
            assertTrue(html.contains("author%3A%22Jean+Dupont%22"), "a value with a space is quoted");
            assertTrue(html.contains("<strong class=\"facet-applied\" data-clause=\"lang:fr\">fr</strong>"),
                    "a value already in the query is shown, not offered again: " + html);
            assertTrue(html.contains("id=\"next-page\""));
            assertTrue(html.contains("href=\"/search/saved/abc_123\""), "the share link");
            assertTrue(html.contains("name=\"_csrf\" value=\"csrf-token-1\""), "forms carry the CSRF token");
            assertTrue(html.matches("(?s).*" + (l == Locale.FRENCH ? "1\\h234 mentions trouvées" : "1,234 mentions found") + ".*"), html);
            assertTrue(html.contains(l == Locale.FRENCH ? "négatif" : "negative"), "the sentiment facet in words");
            assertTrue(html.contains(l == Locale.FRENCH ? "CSV pour Excel français" : "CSV for French Excel"));
        }
    }

    @Test
    void aMalformedQueryIsShownWithTheCharacterItStopsAtInTheUsersLanguage() {
        String q = "bic lnag:fr";
        QueryParseException e = org.junit.jupiter.api.Assertions.assertThrows(QueryParseException.class,
                () -> SearchQuery.parse(q));
        for (Locale l : UserPreferences.SUPPORTED) {
            Map<String, Object> m = new HashMap<>();
            m.put("q", q);
            m.put("sort", "date");
            m.put("sorts", List.of("date"));
            m.put("error", AnalystSearchPage.errorModel(q, e, l));
            m.put("saved", List.of());
            m.put("formats", ExportActions.FORMATS.keySet());
            m.put("pageData", "{}");
            String html = render("search", m, l);
            assertSafe(html);
            assertTrue(html.contains("data-position=\"" + e.position() + "\""), html);
            assertTrue(html.contains("<code>bic <mark class=\"error-at\">l</mark>nag:fr</code>"), html);
            assertTrue(html.contains(e.problem(l).replace("'", "&#39;")), html);
            assertTrue(html.contains(l == Locale.FRENCH ? "au caractère 5" : "at character 5"), html);
            assertFalse(html.contains("id=\"export-form\""), "nothing to export from a query that does not read");
        }
    }

    @Test
    void anExpiredResultSetSaysSearchAgain() {
        Map<String, Object> m = Map.of("q", "bic", "sort", "reach", "expired", true);
        String html = render("search-results", m, Locale.FRENCH);
        assertSafe(html);
        assertTrue(html.contains("href=\"/search?q=bic&amp;sort=reach\""), html);
        assertTrue(html.contains("Relancer la recherche"), html);
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "''                    | brand:bic | brand:bic",
            "kryptonite            | lang:fr   | kryptonite lang:fr",
            "kryptonite OR abus    | lang:fr   | (kryptonite OR abus) lang:fr",
            "a NEAR/3 b            | kind:post | a NEAR/3 b kind:post",
            "-superman             | lang:en   | -superman lang:en",
            "(a OR b) c            | lang:en   | (a OR b) c lang:en",
    })
    void aFacetNarrowsTheWholeQuery(String query, String clause, String expected) {
        String refined = AnalystSearchPage.refine(query, clause);
        assertEquals(expected, refined);
        SearchQuery.parse(refined);
    }
}
