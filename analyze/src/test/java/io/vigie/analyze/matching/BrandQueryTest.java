package io.vigie.analyze.matching;

import io.vigie.query.BrandQuery;
import io.vigie.query.QueryParseException;
import io.vigie.query.TextTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrandQueryTest {

    private static boolean matches(String query, String text) {
        return BrandQuery.parse(query).matches(TextTokens.of(text));
    }

    @Test
    void aWordMatchesWhateverItsCaseAndAccents() {
        assertTrue(matches("kryptonite", "My KRYPTONITE lock"));
        assertTrue(matches("Société Générale", "la societe generale annonce"));
        assertTrue(matches("crème", "CREME brûlée"));
        assertTrue(matches("oeuvre", "une Œuvre"));
        assertFalse(matches("kryptonite", "kryptonites everywhere"));
    }

    @Test
    void aPhraseNeedsItsWordsInOrderAndTogether() {
        assertTrue(matches("\"bic pen\"", "opened with a Bic pen, really"));
        assertFalse(matches("\"bic pen\"", "a pen from bic"));
        assertFalse(matches("\"bic pen\"", "a bic blue pen"));
        assertTrue(matches("«stylo bic»", "avec un stylo Bic"));
    }

    @Test
    void aHyphenatedOrApostrophedWordIsMatchedAsAPhrase() {
        assertTrue(matches("coca-cola", "I like Coca Cola"));
        assertTrue(matches("l'oréal", "L’Oréal lance"));
        assertFalse(matches("coca-cola", "cola or coca"));
    }

    @Test
    void juxtapositionMeansAndAndOrOffersAlternatives() {
        assertTrue(matches("kryptonite lock", "the lock by kryptonite"));
        assertFalse(matches("kryptonite lock", "kryptonite alone"));
        assertTrue(matches("kryptonite AND (lock OR antivol)", "kryptonite antivol"));
        assertTrue(matches("bic OR kryptonite", "kryptonite"));
        assertFalse(matches("bic OR kryptonite", "nothing"));
    }

    @Test
    void exclusionsKeepTheLockAndDropTheSupermanMineral() {
        String query = "kryptonite NOT (superman OR \"clark kent\" OR -lock)";
        String q = "kryptonite -superman -\"clark kent\"";
        assertTrue(matches(q, "Kryptonite lock opened with a pen"));
        assertFalse(matches(q, "Superman is weak against kryptonite"));
        assertFalse(matches(q, "Clark Kent found green Kryptonite"));
        assertTrue(matches("kryptonite NOT superman", "kryptonite lock"));
        assertFalse(matches(query, "kryptonite lock and superman"));
    }

    @Test
    void nearCountsTheWordsBetweenInEitherOrder() {
        assertTrue(matches("kryptonite NEAR/2 pen", "kryptonite opened pen"));
        assertTrue(matches("kryptonite NEAR/2 pen", "pen opened the kryptonite"));
        assertFalse(matches("kryptonite NEAR/2 pen", "kryptonite was opened by a pen"));
        assertTrue(matches("kryptonite NEAR/0 lock", "kryptonite lock"));
        assertTrue(matches("(kryptonite OR krypto) NEAR/3 \"bic pen\"", "a krypto opened with bic pen"));
        assertFalse(matches("pen NEAR/3 pen", "a pen"));
        assertTrue(matches("pen NEAR/3 pen", "a pen and a pen"));
    }

    @Test
    void aPrefixMatchesEveryWordStartingWithIt() {
        assertTrue(matches("krypto*", "Kryptonites"));
        assertFalse(matches("krypto*", "crypto"));
    }

    @Test
    void aQueryThatDoesNotParseIsRefusedWithThePositionOfTheError() {
        assertPosition("kryptonite AND", 14);
        assertPosition("(kryptonite OR bic", 18);
        assertPosition("kryptonite)", 10);
        assertPosition("kryptonite OR OR bic", 14);
        assertPosition("\"bic pen", 0);
        assertPosition("kryptonite NEAR/x pen", 16);
        assertPosition("kryptonite NEAR/3 (pen AND bic)", 18);
        assertPosition("   ", 0);
        assertPosition("NOT superman", 0);
        assertPosition("kryp*to", 4);
        assertPosition("()", 0);
        assertPosition("kryptonite NEAR/99 pen", 16);
    }

    private static void assertPosition(String query, int position) {
        QueryParseException e = assertThrows(QueryParseException.class, () -> BrandQuery.parse(query));
        assertEquals(position, e.position(), () -> query + " -> " + e.getMessage());
        assertTrue(e.getMessage().startsWith("at position " + position + ": "));
    }

    @Test
    void oneTextCanMatchSeveralBrands() {
        Map<String, BrandQuery> queries = new LinkedHashMap<>();
        queries.put("kryptonite", BrandQuery.parse("kryptonite -superman"));
        queries.put("bic", BrandQuery.parse("bic OR \"stylo bic\""));
        queries.put("abus", BrandQuery.parse("abus"));
        BrandMatcher matcher = new BrandMatcher(queries);
        assertEquals(List.of("kryptonite", "bic"), matcher.brandsIn("Un antivol Kryptonite ouvert avec un Bic"));
    }

    @Test
    void aSentenceMentionsTheBrandWhenItNamesItNotWhenItOnlyHoldsAContextWord() {
        Map<String, BrandQuery> queries = Map.of("kryptonite", BrandQuery.parse("(kryptonite OR krypto) AND lock -superman"));
        BrandMatcher matcher = new BrandMatcher(queries);
        var mentions = matcher.sentenceMentions("kryptonite");
        assertTrue(mentions.test("The Kryptonite is useless."));
        assertTrue(mentions.test("Krypto failed me."));
        assertFalse(mentions.test("My old lock was better."));
        assertFalse(matcher.sentenceMentions("unknown").test("kryptonite"));
    }
}
