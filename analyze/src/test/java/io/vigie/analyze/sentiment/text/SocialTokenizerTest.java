package io.vigie.analyze.sentiment.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SocialTokenizerTest {
    private final SocialTokenizer tokenizer = new SocialTokenizer();

    private Token find(List<Token> tokens, String folded) {
        return tokens.stream().filter(t -> t.folded().equals(folded)).findFirst()
                .orElseThrow(() -> new AssertionError("no token " + folded + " in " + tokens));
    }

    @Test
    void placeholdersHashtagsEmojiAndEmoticonsBecomeTheirOwnTokens() {
        List<Token> tokens = tokenizer.tokenize("@bob Sooo happy :-) 😍 #Winning https://t.co/abc!!!",
                LanguageRules.ENGLISH);
        assertEquals(TokenKind.USER, tokens.get(0).kind());
        Token happy = find(tokens, "happy");
        Token so = find(tokens, "soo");
        assertTrue(so.elongated());
        assertEquals(TokenKind.EMOTICON, find(tokens, ":-)").kind());
        assertEquals(TokenKind.EMOJI, find(tokens, "😍").kind());
        assertEquals(TokenKind.HASHTAG, find(tokens, "winning").kind());
        assertTrue(tokens.stream().anyMatch(t -> t.kind() == TokenKind.URL));
        assertFalse(happy.negated());
    }

    @Test
    void englishNegationCoversTheFollowingWordsUntilPunctuation() {
        List<Token> tokens = tokenizer.tokenize("I don't like this phone. Great camera", LanguageRules.ENGLISH);
        assertTrue(find(tokens, "like").negated());
        assertTrue(find(tokens, "phone").negated());
        assertFalse(find(tokens, "great").negated());
    }

    @Test
    void frenchElisionsAreSplitAndNeOpensTheScope() {
        List<Token> tokens = tokenizer.tokenize("Je n'aime pas l'appli", LanguageRules.FRENCH);
        assertEquals(List.of("je", "ne", "aime", "pas", "le", "appli"), tokens.stream().map(Token::text).toList());
        assertTrue(find(tokens, "aime").negated());
        assertTrue(find(tokens, "appli").negated());
    }

    @Test
    void bareFrenchPasNegatesTheVerbBeforeIt() {
        List<Token> tokens = tokenizer.tokenize("J'aime pas ce film", LanguageRules.FRENCH);
        assertTrue(find(tokens, "aime").negated());
        assertTrue(find(tokens, "film").negated());
    }

    @Test
    void bareFrenchPlusMeansMoreNotNegation() {
        List<Token> tokens = tokenizer.tokenize("C'est plus beau", LanguageRules.FRENCH);
        assertFalse(find(tokens, "beau").negated());
        List<Token> negated = tokenizer.tokenize("Ça ne marche plus du tout", LanguageRules.FRENCH);
        assertTrue(find(negated, "tout").negated());
    }

    @Test
    void wordsAfterButOrMaisAreMarkedAsTheClauseThatCounts() {
        List<Token> en = tokenizer.tokenize("Great screen but awful battery", LanguageRules.ENGLISH);
        assertFalse(find(en, "great").afterContrast());
        assertTrue(find(en, "awful").afterContrast());
        List<Token> fr = tokenizer.tokenize("Écran génial mais batterie décevante", LanguageRules.FRENCH);
        assertTrue(find(fr, "decevante").afterContrast());
        assertEquals("génial", find(fr, "genial").text());
    }
}
