package io.vigie.analyze.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
    private static LanguageIdentifier identifier;

    @BeforeAll
    static void load() {
        identifier = LanguageIdentifier.standard();
    }

    @Test
    void shortFrenchWithElisionsIsFrench() {
        assertEquals("fr", identifier.identify("J'adore ce produit, il est génial !", null).language());
        assertEquals("fr", identifier.identify("J'aime pas ce film", null).language());
        assertEquals("fr", identifier.identify("Service client nul, je suis très déçu.", null).language());
    }

    @Test
    void englishTweetWithPlaceholdersIsEnglish() {
        assertEquals("en", identifier.identify("@user This is the worst service ever http://t.co/x #fail", null)
                .language());
    }

    @Test
    void spanishAndGermanAreOther() {
        assertEquals("other", identifier.identify("Me encanta este producto, es fantástico y muy barato", null)
                .language());
        assertEquals("other", identifier.identify("Das Fahrradschloss ist wirklich sehr schlecht verarbeitet", null)
                .language());
    }

    @Test
    void aFeedHintDecidesATextTooShortToJudge() {
        LanguageGuess guess = identifier.identify("lol", "fr-FR");
        assertEquals("fr", guess.language());
        assertTrue(guess.fromHint());
    }

    @Test
    void aWrongHintDoesNotOverrideClearlyFrenchText() {
        LanguageGuess guess = identifier.identify("Je ne suis pas du tout satisfait de la livraison, vraiment décevant",
                "en");
        assertEquals("fr", guess.language());
        assertFalse(guess.fromHint());
    }

    @Test
    void textWithoutLettersIsOtherWithZeroConfidence() {
        LanguageGuess guess = identifier.identify("😡😡 http://t.co/x 123", null);
        assertEquals("other", guess.language());
        assertEquals(0, guess.confidence());
    }

    @Test
    void nullTextIsRejectedWithAClearError() {
        assertThrows(IllegalArgumentException.class, () -> identifier.identify(null, "fr"));
    }
}
