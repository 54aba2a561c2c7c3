package io.vigie.analyze.sentiment.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.model.SentimentLabel;
import org.junit.jupiter.api.Test;

class LexiconScorerTest {
    private final LexiconScorer english = LexiconScorer.forLanguage("en");
    private final LexiconScorer french = LexiconScorer.forLanguage("fr");

    @Test
    void negationFlipsAPositiveWord() {
        assertEquals(SentimentLabel.POSITIVE, english.score("good").label());
        assertEquals(SentimentLabel.NEGATIVE, english.score("not good").label());
        assertEquals(SentimentLabel.NEGATIVE, french.score("Je ne suis pas satisfait").label());
        assertEquals(SentimentLabel.NEGATIVE, french.score("J'aime pas ce film").label());
    }

    @Test
    void negatedNegativeFrenchWordLeansPositive() {
        assertEquals(SentimentLabel.POSITIVE, french.score("pas mal du tout").label());
    }

    @Test
    void theClauseAfterButOutweighsTheOneBefore() {
        assertEquals(SentimentLabel.NEGATIVE, english.score("The screen is great but the battery is awful").label());
        assertEquals(SentimentLabel.POSITIVE, english.score("The screen is awful but the battery is great").label());
        assertEquals(SentimentLabel.NEGATIVE, french.score("L'écran est magnifique mais la batterie est horrible")
                .label());
    }

    @Test
    void capitalsExclamationsAndIntensifiersStrengthen() {
        double plain = english.score("good").score();
        assertTrue(english.score("very good").score() > plain);
        assertTrue(english.score("GOOD day").score() > english.score("good day").score());
        assertTrue(english.score("good!!!").score() > plain);
    }

    @Test
    void emojiAndEmoticonsCarrySentimentInBothLanguages() {
        assertEquals(SentimentLabel.POSITIVE, english.score("😍").label());
        assertEquals(SentimentLabel.NEGATIVE, english.score("😡").label());
        assertEquals(SentimentLabel.NEGATIVE, french.score("livraison :(").label());
        assertEquals(SentimentLabel.POSITIVE, french.score("livraison :)").label());
    }

    @Test
    void aTextWithoutPolarWordsIsNeutral() {
        assertEquals(SentimentLabel.NEUTRAL, english.score("The meeting is at 3pm on Tuesday").label());
        assertEquals(SentimentLabel.NEUTRAL, french.score("Le train arrive à 18h en gare de Lyon").label());
    }
}
