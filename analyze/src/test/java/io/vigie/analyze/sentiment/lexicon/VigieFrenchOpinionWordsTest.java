package io.vigie.analyze.sentiment.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.model.SentimentLabel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VigieFrenchOpinionWordsTest {
    private final Map<String, Double> words = PolarityLexicon.vigieFrenchOpinionWords();
    private final LexiconScorer french = LexiconScorer.forLanguage("fr");

    @Test
    void everyFeminineAndPluralFormOfAListedAdjectiveIsKnown() {
        for (String form : List.of("decu", "decue", "decus", "decues", "nul", "nulle", "nuls", "nulles",
                "honteux", "honteuse", "honteuses", "decevante", "reactive", "reactifs", "professionnelle")) {
            assertTrue(words.containsKey(form), form + " should be in the list");
        }
        assertTrue(words.get("decues") < 0);
        assertTrue(words.get("professionnelle") > 0);
    }

    @Test
    void inflectionsFollowTheRegularRules() {
        assertEquals(List.of("genial", "geniale", "geniales", "geniaux", "genials"),
                FrenchInflections.forms("genial", "a"));
        assertEquals(List.of("catastrophe", "catastrophes"), FrenchInflections.forms("catastrophe", "n"));
        assertEquals(List.of("bravo"), FrenchInflections.forms("bravo", "-"));
        assertThrows(IllegalArgumentException.class, () -> FrenchInflections.forms("nul", "x"));
    }

    @Test
    void theFrenchLexiconReadsEverydayComplaintsAndPraise() {
        assertEquals(SentimentLabel.NEGATIVE, french.score("Service client nul, je suis très déçu.").label());
        assertEquals(SentimentLabel.NEGATIVE, french.score("Arnaque totale").label());
        assertEquals(SentimentLabel.POSITIVE, french.score("Franchement top, je recommande").label());
        assertEquals(SentimentLabel.POSITIVE, french.score("pas décevant du tout").label());
    }

    @Test
    void nulIsAnOpinionWordNotANegator() {
        assertTrue(french.score("c'est nul").score() < 0);
    }
}
