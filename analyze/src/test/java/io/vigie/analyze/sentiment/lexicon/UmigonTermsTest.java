package io.vigie.analyze.sentiment.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UmigonTermsTest {
    private final UmigonTerms terms = new UmigonTerms(Set.of("genial", "a l aise"), Set.of("nul", "a chier"));

    private Map<String, Double> features(String text) {
        Map<String, Double> f = new HashMap<>();
        terms.addFeatures(text, f);
        return f;
    }

    @Test
    void termsOfOneToThreeWordsAreFoundAccentsAndApostrophesFolded() {
        Map<String, Double> f = features("Génial, je suis à l'aise");
        assertEquals(1.0, f.get("um:genial"));
        assertEquals(1.0, f.get("um:a l aise"));
        assertEquals(1.0, f.get("um:only_positive"));
        assertTrue(features("C'est à chier").containsKey("um:a chier"));
    }

    @Test
    void aNegatedTermCountsForTheOtherSide() {
        Map<String, Double> f = features("Ce n'est pas génial");
        assertTrue(f.containsKey("um:not_genial"), f.toString());
        assertEquals(1.0, f.get("um:only_negative"));
        assertFalse(f.containsKey("um:positive"));
    }

    @Test
    void theShippedFrenchListsLoad() {
        Map<String, Double> f = new HashMap<>();
        UmigonTerms.french().addFeatures("Franchement génial, bravo", f);
        assertTrue(f.containsKey("um:positive"), f.toString());
    }
}
