package io.vigie.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryLanguageTest {

    private static boolean watchMatches(String query, String text) {
        return BrandQuery.parse(query).matches(TextTokens.of(text));
    }

    @Test
    void orderedNearWantsTheLeftSideFirst() {
        assertTrue(watchMatches("kryptonite ONEAR/2 lock", "kryptonite bike lock"));
        assertFalse(watchMatches("kryptonite ONEAR/2 lock", "lock by kryptonite"));
        assertTrue(watchMatches("kryptonite NEAR/2 lock", "lock by kryptonite"));
        assertFalse(watchMatches("kryptonite ONEAR/1 lock", "kryptonite big bike lock"));
    }

    @Test
    void aLoosePhraseTakesItsWordsInAnyOrderWithinTheSlack() {
        assertTrue(watchMatches("\"service client\"~2", "le client du service"));
        assertTrue(watchMatches("\"service client\"~2", "service après-vente client"));
        assertFalse(watchMatches("\"service client\"~1", "service après vente client"));
        assertFalse(watchMatches("\"service service\"~3", "un service"));
        assertTrue(watchMatches("\"a b c\"~1", "c x a b"));
        assertFalse(watchMatches("\"a b c\"~1", "c x y a b"));
    }

    @Test
    void aWatchedBrandRefusesFieldFiltersAndSaysSo() {
        QueryParseException e = assertThrows(QueryParseException.class, () -> BrandQuery.parse("kryptonite lang:fr"));
        assertEquals(11, e.position());
        assertEquals("query.field.searchOnly", e.key());
        assertTrue(e.problem().contains("only work in search"), e.problem());
    }

    @Test
    void searchTakesFieldFiltersWithQuotedValuesRangesAndDates() {
        QueryNode root = SearchQuery.parse("bic author:\"Jean Dupont\" views>1000 date:2026-11-01..2026-11-30 site:LeMonde.fr")
                .root().orElseThrow();
        QueryNode.AllOf all = (QueryNode.AllOf) root;
        assertEquals(List.of(
                new QueryNode.Word("bic", false),
                new QueryNode.FieldTerm(QueryField.AUTHOR, "Jean Dupont"),
                new QueryNode.FieldRange(QueryField.VIEWS, "1000", false, null, false),
                new QueryNode.FieldRange(QueryField.DATE, "2026-11-01", true, "2026-11-30", true),
                new QueryNode.FieldTerm(QueryField.HOST, "lemonde.fr")), all.parts());
        assertEquals(new QueryNode.FieldTerm(QueryField.SENTIMENT, "NEGATIVE"),
                SearchQuery.parse("sentiment:negative").root().orElseThrow());
        assertEquals(new QueryNode.FieldRange(QueryField.DATE, "now-7d", true, null, false),
                SearchQuery.parse("date>=now-7d").root().orElseThrow());
        assertEquals(new QueryNode.Not(new QueryNode.FieldTerm(QueryField.LANG, "en")),
                SearchQuery.parse("-lang:en").root().orElseThrow());
        assertEquals(Optional.empty(), SearchQuery.parse("  ").root());
    }

    @Test
    void aFacetClickAppendsAQuotedFilterThatParsesBack() {
        SearchQuery q = SearchQuery.parse("bic OR stylo").and(QueryField.AUTHOR, "Jean \"JD\" Dupont");
        assertEquals("(bic OR stylo) author:«Jean \"JD\" Dupont»", q.source());
        QueryNode.AllOf all = (QueryNode.AllOf) q.root().orElseThrow();
        assertEquals(new QueryNode.FieldTerm(QueryField.AUTHOR, "Jean \"JD\" Dupont"), all.parts().get(1));
        assertEquals("lang:fr", SearchQuery.parse("").and(QueryField.LANG, "fr").source());
    }

    @Test
    void aUrlOrAClockTimeIsAWordNotAField() {
        assertTrue(watchMatches("https://bic.com", "see https://bic.com now"));
        assertEquals(new QueryNode.Phrase(List.of("12", "30")), SearchQuery.parse("12:30").root().orElseThrow());
    }

    @ParameterizedTest(name = "{0} fails at {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "kryptonite ONEAR/x pen      | 17 | query.near.syntax",
            "kryptonite ONEAR/51 pen     | 17 | query.near.distance",
            "\"bic pen\"~x               | 10 | query.near.syntax",
            "\"bic pen\"~60              | 10 | query.near.distance",
            "bic lnag:fr                 | 4  | query.field.unknown",
            "bic lang:                   | 9  | query.field.noValue",
            "views>lots                  | 6  | query.range.number",
            "views:10..x                 | 10 | query.range.number",
            "views:100..10               | 6  | query.range.reversed",
            "date>2026-13-01             | 5  | query.range.date",
            "lang>fr                     | 4  | query.field.noComparison",
            "sentiment:angry             | 10 | query.field.badValue",
            "kind:tweet                  | 5  | query.field.badValue",
            "status:done                 | 7  | query.field.badValue",
            "author:\"Jean               | 7  | query.phrase.unclosed",
            "lang:fr NEAR/3 bic          | 0  | query.near.left",
            "bic AND                     | 7  | query.operator.nothingAfter",
    })
    void aSearchThatDoesNotParsePointsAtTheProblem(String query, int position, String key) {
        QueryParseException e = assertThrows(QueryParseException.class, () -> SearchQuery.parse(query.strip()));
        assertEquals(key, e.key(), e::getMessage);
        assertEquals(position, e.position(), e::getMessage);
    }

    @Test
    void everyErrorIsWordedInFrenchAndInEnglish() {
        QueryParseException e = assertThrows(QueryParseException.class, () -> SearchQuery.parse("(bic OR stylo"));
        assertEquals("'(' at position 0 is never closed", e.problem(Locale.ENGLISH));
        assertEquals("la « ( » de la position 0 n'est jamais fermée", e.problem(Locale.FRENCH));
        assertEquals("at position 13: '(' at position 0 is never closed", e.getMessage());
        QueryParseException far = assertThrows(QueryParseException.class, () -> SearchQuery.parse("a NEAR/1234 b"));
        assertEquals("NEAR/ doit être suivi d'un nombre de mots, par exemple NEAR/3", far.problem(Locale.FRANCE));
    }

    @Test
    void bothLanguagesHaveEveryKey() throws Exception {
        var en = new java.util.Properties();
        var fr = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("messages.properties");
                var b = getClass().getResourceAsStream("messages_fr.properties")) {
            en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            fr.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(en.keySet(), fr.keySet());
        assertTrue(en.size() > 25);
    }
}
