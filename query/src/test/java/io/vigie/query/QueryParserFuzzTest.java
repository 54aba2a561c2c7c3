package io.vigie.query;

import io.vigie.model.testing.Fuzz;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Mutated brand and search queries (see {@link Fuzz} for the seed and the budget): the parser answers a tree or a
 * {@link QueryParseException} with a position inside the query and a message in both languages, never another
 * exception, never a hang.
 */
class QueryParserFuzzTest {
    private static final List<String> CORPUS = List.of("kryptonite ONEAR/2 lock", "kryptonite NEAR/2 lock",
            "\"le client du service\"~2", "\"service après-vente\" client", "bic OR stylo", "(bic OR stylo) -lang:en",
            "bic author:\"Jean Dupont\" views>1000 date:2026-11-01..2026-11-30 site:LeMonde.fr",
            "sentiment:negative", "date>=now-7d", "(bic OR stylo) author:«Jean Dupont»", "velo* AND NOT (casse OR vol)",
            "kind:comment likes>=10 shares<5 reach:100..200 copies>1 status:OPEN brand:acme source:rss",
            "\"a b c\" NEAR/10 \"d e\" AND (x OR (y AND (z OR w)))", "L’Oréal OR l'oreal", "-spam");
    private static final List<String> DICTIONARY = List.of(" AND ", " OR ", " NOT ", " NEAR/", " ONEAR/", "NEAR/99 ",
            "(", ")", "\"", "«", "»", "*", "-", "~", "~3", ":", "..", ">", ">=", "<", "<=", "now-", "now-7d", "2026-13-45",
            "date:", "views>", "lang:", "author:", "site:", "kind:", "status:", "sentiment:", "brand:", "likes:",
            "language:", "host:", "unknown:", "9999999999999999999999", "1.5", "-0", "((((((((((", "))))))))))",
            " ".repeat(50), "a".repeat(300));

    @Test
    void mutatedQueriesGiveATreeOrAPositionedParseErrorAndNothingElse() throws Exception {
        Fuzz fuzz = new Fuzz("query-parser", Duration.ofSeconds(5));
        int ran = fuzz.run(CORPUS, DICTIONARY, q -> {
            check(q, () -> BrandQuery.parse(q).matches(TextTokens.of("kryptonite bike lock by " + q)));
            check(q, () -> assertNotNull(SearchQuery.parse(q).toString()));
        });
        assertTrue(ran > CORPUS.size(), "only the corpus ran");
    }

    @Test
    void deepNestingIsAParseErrorOrATreeNeverAStackOverflow() {
        for (String q : List.of("(".repeat(3_000) + "a" + ")".repeat(3_000), "NOT ".repeat(1_000) + "a",
                "-".repeat(3_999) + "a", "\"".repeat(3_999), "a NEAR/2 ".repeat(400) + "a")) {
            check(q, () -> SearchQuery.parse(q));
            check(q, () -> BrandQuery.parse(q));
        }
    }

    private static void check(String query, Runnable parse) {
        try {
            parse.run();
        } catch (QueryParseException e) {
            assertTrue(e.position() >= 0 && e.position() <= query.length(),
                    "position " + e.position() + " outside the query of " + query.length() + " chars: " + e.getMessage());
            assertFalse(e.problem(Locale.ENGLISH).isBlank(), e.key());
            assertFalse(e.problem(Locale.FRENCH).isBlank(), e.key());
            assertNotNull(e.pointAt(query));
        }
    }
}
