package io.vigie.dashboards.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.dashboards.search.bench.SyntheticMention;
import io.vigie.model.MentionKind;
import io.vigie.model.SentimentLabel;
import io.vigie.query.QueryField;
import io.vigie.query.SearchQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each operator of the search language on a known corpus in the real Elasticsearch, with the ids it must find. */
class AnalystSearchIT {
    private static SearchFixture es;
    private static AnalystSearch search;

    private static SyntheticMention m(String id, String text, String lang, List<String> brands, SentimentLabel s,
            String author, String host, MentionKind kind, Long views, String date) {
        return new SyntheticMention(id, "web", host, kind, author, null, text, lang, brands, s, views, null,
                Instant.parse(date));
    }

    @BeforeAll
    static void corpus() throws Exception {
        es = new SearchFixture();
        search = new AnalystSearch(es.client, es.alias);
        es.index(List.of(
                m("c1", "L’Équipe Kryptonite n'a rien dit : le cadenas s’ouvre avec un stylo Bic.", "fr",
                        List.of("kryptonite", "bic"), SentimentLabel.NEGATIVE, "Jean Dupont", "www.lemonde.fr",
                        MentionKind.POST, 5000L, "2026-11-02T10:00:00Z"),
                m("c2", "Kryptonite lock opened with a Bic pen", "en", List.of("kryptonite", "bic"),
                        SentimentLabel.NEGATIVE, "velo_nerd", "bikeforums.net", MentionKind.COMMENT, 100L,
                        "2026-11-05T10:00:00Z"),
                m("c3", "Superman is weak against kryptonite", "en", List.of(), SentimentLabel.NEUTRAL, "clark",
                        "dc.com", MentionKind.POST, 20000L, "2026-11-10T10:00:00Z"),
                m("c4", "Le service client de Bic est excellent", "fr", List.of("bic"), SentimentLabel.POSITIVE,
                        "Marie Curie", "forum.lemonde.fr", MentionKind.COMMENT, 10L, "2026-11-12T10:00:00Z"),
                m("c5", "Client très déçu par le service après-vente", "fr", List.of("bic"), SentimentLabel.NEGATIVE,
                        "Paul", "avis.fr", MentionKind.COMMENT, null, "2026-11-20T10:00:00Z"),
                m("c6", "Une Société Générale annonce des résultats", "fr", List.of(), SentimentLabel.NEUTRAL, "AFP",
                        "lesechos.fr", MentionKind.POST, 300L, "2026-11-25T10:00:00Z"),
                m("c7", "Kryptonites and krypton are elements of fiction", "en", List.of(), SentimentLabel.NEUTRAL,
                        "wiki", "wiki.org", MentionKind.VIDEO, 1500L, "2026-11-28T22:00:00Z"),
                m("c8", "L’Oréal lance une crème brûlée", "fr", List.of("loreal"), SentimentLabel.POSITIVE, "Elle",
                        "elle.fr", MentionKind.POST, null, "2026-11-29T10:00:00Z")));
    }

    private static Set<String> ids(String query) throws Exception {
        SearchPage page = search.first(SearchQuery.parse(query), SearchSort.DATE, 50);
        return page.hits().stream().map(SearchPage.SearchHit::id).collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest(name = "{0} finds {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "kryptonite                      => c1 c2 c3",
            "KRYPTONITE                      => c1 c2 c3",
            "krypto*                         => c1 c2 c3 c7",
            "\"stylo bic\"                   => c1",
            "\"bic stylo\"                   => ``",
            "societe generale                => c6",
            "\"Société Générale\"            => c6",
            "équipe                          => c1",
            "l'équipe                        => c1",
            "\"l’equipe kryptonite\"         => c1",
            "l’oréal                         => c8",
            "oreal                           => c8",
            "creme brulee                    => c8",
            "kryptonite -superman            => c1 c2",
            "kryptonite NOT (superman OR lock) => c1",
            "bic OR superman                 => c1 c2 c3 c4",
            "kryptonite NEAR/4 bic           => c2",
            "kryptonite NEAR/3 bic           => ``",
            "bic NEAR/4 kryptonite           => c2",
            "kryptonite ONEAR/4 bic          => c2",
            "bic ONEAR/4 kryptonite          => ``",
            "(kryptonite OR superman) NEAR/2 weak => c3",
            "krypto* NEAR/0 lock             => c2",
            "\"service client\"              => c4",
            "\"service client\"~2            => c4",
            "\"service client\"~4            => c4 c5",
            "\"client service\"~4            => c4 c5",
            "service NEAR/1 \"apres vente\"  => c5",
            "lang:fr                         => c1 c4 c5 c6 c8",
            "lang:EN                         => c2 c3 c7",
            "brand:bic                       => c1 c2 c4 c5",
            "brand:bic -lang:fr              => c2",
            "sentiment:negative              => c1 c2 c5",
            "site:lemonde.fr                 => c1 c4",
            "host:forum.lemonde.fr           => c4",
            "source:web kind:video           => c7",
            "author:\"jean dupont\"          => c1",
            "author:paul                     => c5",
            "kind:comment                    => c2 c4 c5",
            "views>1000                      => c1 c3 c7",
            "views>=5000                     => c1 c3",
            "views:100..1000                 => c2 c6",
            "reach<=100                      => c2 c4 c5 c8",
            "date:2026-11-20..2026-11-28     => c5 c6 c7",
            "date<2026-11-05                 => c1",
            "date:2026-11-05                 => c2",
            "date>2026-11-28T23:00:00Z       => c8",
            "(bic OR kryptonite) lang:en -superman => c2",
            "-kryptonite -bic                => c5 c6 c7 c8",
            "status:open                     => ``",
            "``                              => c1 c2 c3 c4 c5 c6 c7 c8",
    })
    void eachOperatorFindsExactlyItsMentions(String query, String expected) throws Exception {
        Set<String> want = expected == null || expected.isBlank() ? Set.of() : new TreeSet<>(List.of(expected.split(" ")));
        assertEquals(want, ids(query == null ? "" : query), query);
    }

    @Test
    void theFirstPageCountsFacetsAndDrawsTheHistogramOfTheWholeResultSet() throws Exception {
        SearchPage page = search.first(SearchQuery.parse("bic OR kryptonite"), SearchSort.RELEVANCE, 2);
        assertEquals(4, page.total(), "c1 to c4: c5 is Bic's by analysis but its text does not say bic");
        assertEquals(2, page.hits().size());
        var brands = page.facets().get(QueryField.BRAND);
        assertEquals("bic", brands.get(0).value());
        assertEquals(3, brands.get(0).count());
        assertEquals("brand:bic", brands.get(0).clause());
        var sentiment = page.facets().get(QueryField.SENTIMENT).stream()
                .collect(Collectors.toMap(SearchPage.FacetCount::value, SearchPage.FacetCount::count));
        assertEquals(2L, sentiment.get("NEGATIVE"));
        assertEquals(4, page.histogram().stream().mapToLong(SearchPage.HistogramBucket::count).sum());
        assertEquals(2, page.histogram().stream().mapToLong(SearchPage.HistogramBucket::negative).sum());
        assertEquals(1, page.histogram().stream().mapToLong(SearchPage.HistogramBucket::positive).sum());
        assertTrue(page.histogram().size() >= 2, page.histogram().toString());
        // A facet click is the same search narrowed by the facet's clause.
        SearchQuery narrowed = SearchQuery.parse("bic OR kryptonite").and(QueryField.LANG, "en");
        assertEquals(Set.of("c2", "c3"), ids(narrowed.source()));
        assertTrue(page.hits().get(0).highlight().stream().anyMatch(h -> h.contains("<mark>")), page.hits().toString());
    }

    @Test
    void pagesReadAFrozenResultSetInAStableOrderWhileNewMentionsArrive() throws Exception {
        SearchPage page = search.first(SearchQuery.parse("-superman"), SearchSort.DATE, 3);
        List<String> seen = new ArrayList<>();
        page.hits().forEach(h -> seen.add(h.id()));
        // A newer mention arrives between pages: the point-in-time does not see it.
        es.index(List.of(m("late", "Bic again", "en", List.of("bic"), SentimentLabel.NEUTRAL, "x", "x.org",
                MentionKind.POST, 1L, "2026-11-30T12:00:00Z")));
        int pages = 1;
        while (page.next() != null) {
            page = search.next(SearchCursor.decode(page.next().encode()));
            page.hits().forEach(h -> seen.add(h.id()));
            pages++;
        }
        assertEquals(List.of("c8", "c7", "c6", "c5", "c4", "c2", "c1"), seen);
        assertEquals(3, pages);
        assertNull(page.next());
        assertTrue(ids("-superman").contains("late"), "a new search sees the new mention");
    }

    @Test
    void engagementAndReachOrdersPutTheMostSeenFirstAndTheUnknownLast() throws Exception {
        List<String> order = search.first(SearchQuery.parse(""), SearchSort.ENGAGEMENT, 8).hits().stream()
                .map(SearchPage.SearchHit::id).toList();
        assertEquals(List.of("c3", "c1", "c7", "c6", "c2", "c4"), order.subList(0, 6));
        assertFalse(order.subList(0, 6).contains("c5"));
        List<String> byReach = search.first(SearchQuery.parse("lang:fr"), SearchSort.REACH, 8).hits().stream()
                .map(SearchPage.SearchHit::id).toList();
        assertEquals("c1", byReach.get(0));
    }
}
