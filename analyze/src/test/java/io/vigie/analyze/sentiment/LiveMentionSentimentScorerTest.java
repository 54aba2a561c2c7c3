package io.vigie.analyze.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.model.SentimentLabel;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hand-written cases on the shipped models, the way the live pipeline calls them. */
class LiveMentionSentimentScorerTest {
    private static MentionSentimentScorer scorer;

    @BeforeAll
    static void load() {
        scorer = SentimentModels.liveScorer();
    }

    private static Predicate<String> mentions(String brand) {
        return s -> s.toLowerCase(Locale.ROOT).contains(brand);
    }

    private static SentimentLabel label(String text) {
        return scorer.score(text, null, Map.of()).whole().label();
    }

    @Test
    void clearEnglishPraiseAndComplaintsAreScoredWithTheEnglishModel() {
        MentionSentiment praise = scorer.score("I love my new phone, it's amazing 😍", null, Map.of());
        assertEquals("en", praise.language());
        assertEquals(SentimentLabel.POSITIVE, praise.whole().label());
        assertEquals("vigie-linear-en", praise.whole().model());
        assertEquals(SentimentLabel.NEGATIVE, label("This is the worst service ever 😡"));
        assertEquals(SentimentLabel.NEGATIVE, label("I don't like it"));
    }

    @Test
    void frenchIsRecognisedAndScoredWithTheFrenchModel() {
        MentionSentiment praise = scorer.score("J'adore ce produit, il est génial !", null, Map.of());
        assertEquals("fr", praise.language());
        assertEquals("vigie-linear-fr", praise.whole().model());
        assertEquals(SentimentLabel.POSITIVE, praise.whole().label());
    }

    @Test
    void frenchNegationTurnsTheVerdictNegative() {
        assertEquals(SentimentLabel.NEGATIVE, label("Je ne suis pas satisfait du tout"));
        assertEquals(SentimentLabel.NEGATIVE, label("J'aime pas ce film"));
    }

    @Test
    void theClauseAfterButOrMaisDecides() {
        assertEquals(SentimentLabel.NEGATIVE, label("The screen is great but the battery is awful"));
        assertEquals(SentimentLabel.NEGATIVE, label("C'est bien mais trop cher et décevant"));
    }

    @Test
    void emojiAloneCarryTheSentimentOfTextInAnotherLanguage() {
        MentionSentiment angry = scorer.score("😡😡😡", null, Map.of());
        assertEquals("other", angry.language());
        assertEquals(SentimentLabel.NEGATIVE, angry.whole().label());
        MentionSentiment spanish = scorer.score("Me encanta este producto, es fantástico", null, Map.of());
        assertEquals("other", spanish.language());
        assertEquals(0, spanish.whole().confidence(), "no model for Spanish: no confidence, not a neutral verdict");
    }

    @Test
    void languageSwitchAFrenchTextUnderAnEnglishHintIsScoredInFrench() {
        MentionSentiment s = scorer.score("Franchement la livraison était rapide et le vélo est magnifique, "
                + "je recommande", "en", Map.of());
        assertEquals("fr", s.language());
        assertEquals("vigie-linear-fr", s.whole().model());
        assertEquals(SentimentLabel.POSITIVE, s.whole().label());
    }

    @Test
    void inALongPostEachBrandGetsTheSentimentOfTheSentencesThatMentionIt() {
        String post = "I went shopping yesterday. The Acme lock is fantastic and I love it. "
                + "Kryptonite was a terrible disappointment, it broke in a minute. Never again.";
        MentionSentiment s = scorer.score(post, null, Map.of("acme", mentions("acme"),
                "kryptonite", mentions("kryptonite"), "absent", mentions("zorglub")));
        assertEquals(SentimentLabel.POSITIVE, s.byBrand().get("acme").label());
        assertEquals(SentimentLabel.NEGATIVE, s.byBrand().get("kryptonite").label());
        assertFalse(s.byBrand().containsKey("absent"), "a brand no sentence mentions gets no score");
        assertNotEquals(s.byBrand().get("acme").score(), s.whole().score());
    }

    @Test
    void inAFrenchPostToo() {
        String post = "Je cherchais un antivol. Le Kryptonite s'ouvre avec un stylo, c'est une honte. "
                + "Heureusement le Abus est excellent et solide, je l'adore.";
        MentionSentiment s = scorer.score(post, null, Map.of("kryptonite", mentions("kryptonite"),
                "abus", mentions("abus")));
        assertEquals("fr", s.language());
        assertEquals(SentimentLabel.NEGATIVE, s.byBrand().get("kryptonite").label());
        assertEquals(SentimentLabel.POSITIVE, s.byBrand().get("abus").label());
    }

    @Test
    void aShortTextCountsWholeForEveryBrandInIt() {
        MentionSentiment s = scorer.score("Acme beats Kryptonite, love it!", null,
                Map.of("acme", mentions("acme"), "kryptonite", mentions("kryptonite")));
        assertSame(s.whole(), s.byBrand().get("acme"));
        assertSame(s.whole(), s.byBrand().get("kryptonite"));
    }

    @Test
    void concurrentCallersGetTheSameAnswersAsASingleCaller() throws Exception {
        java.util.List<String> texts = java.util.List.of("I love it", "J'adore", "worst ever 😡",
                "Le service est nul mais la livraison rapide", "Me encanta", "meh. ok. fine. whatever.");
        java.util.List<MentionSentiment> expected = texts.stream().map(t -> scorer.score(t, null, Map.of())).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int k = 0; k < 8; k++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < texts.size(); i++) {
                            if (!scorer.score(texts.get(i), null, Map.of()).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void scoresStayInRangeAndNullTextIsAClearError() {
        MentionSentiment s = scorer.score("meh", "en", Map.of());
        assertTrue(s.whole().score() >= -1 && s.whole().score() <= 1);
        assertTrue(s.whole().confidence() >= 0 && s.whole().confidence() <= 1);
        assertThrows(IllegalArgumentException.class, () -> scorer.score(null, "en", Map.of()));
    }
}
