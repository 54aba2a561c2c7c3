package io.vigie.analyze.sentiment.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ComparisonsTest {
    private final Comparisons comparisons = new Comparisons();

    private String after(String sentence, String language) {
        return sentence.substring(comparisons.pivotEnd(sentence, language).orElseThrow());
    }

    @Test
    void theThingComparedAgainstIsWhatFollowsThanOrQue() {
        assertEquals(" Luma", after("Pixo is way better than Luma", "en"));
        assertEquals(" Veltra when it comes to support", after("Nordel is worse than Veltra when it comes to support", "en"));
        assertEquals(" Abus ones", after("Kryptonite locks are much stronger than Abus ones", "en"));
        assertEquals(" Luma", after("Pixo est bien meilleur que Luma", "fr"));
        assertEquals(" les Abus", after("Les antivols Kryptonite sont plus solides que les Abus", "fr"));
        assertEquals("Orange", after("Free est moins cher qu'Orange", "fr"));
        assertEquals(" Veltra", after("Je prends Nordel plutôt que Veltra", "fr"));
    }

    @Test
    void aFrenchQueWithoutAComparativeWordComparesNothing() {
        assertTrue(comparisons.pivotEnd("Je pense que Pixo est nul", "fr").isEmpty());
        assertTrue(comparisons.pivotEnd("Other than that, Pixo works", "en").isPresent(),
                "'other than' reads as a comparison: a known, rare confusion");
        assertTrue(comparisons.pivotEnd("Pixo is great", "en").isEmpty());
        assertTrue(comparisons.pivotEnd("Pixo is better than Luma", "de").isEmpty());
    }
}
