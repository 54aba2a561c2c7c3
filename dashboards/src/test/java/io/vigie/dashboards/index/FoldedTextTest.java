package io.vigie.dashboards.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FoldedTextTest {
    @Test
    void accentsAndCaseAreFolded() {
        assertEquals("securite du velo a l ecole", FoldedText.of("Sécurité du vélo à l’école"));
    }

    @Test
    void frenchElisionsAreSplitSoTheWordStandsAlone() {
        assertEquals("l equipe n a rien dit jusqu a lundi", FoldedText.of("L'équipe n'a rien dit jusqu’à lundi"));
    }

    @Test
    void ligaturesBecomeLetters() {
        assertEquals("coeur oeuvre", FoldedText.of("Cœur Œuvre"));
    }

    @Test
    void englishTextIsOnlyLowerCased() {
        assertEquals("the lock's design", FoldedText.of("The lock's design"));
    }

    @Test
    void nothingGivesEmptyText() {
        assertEquals("", FoldedText.of(null));
    }
}
