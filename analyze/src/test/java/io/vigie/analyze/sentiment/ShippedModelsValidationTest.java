package io.vigie.analyze.sentiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.analyze.sentiment.corenlp.CoreNlpSentimentScorer;
import io.vigie.analyze.sentiment.evaluation.ConfusionMatrix;
import io.vigie.analyze.sentiment.evaluation.LabelledTexts;
import io.vigie.analyze.sentiment.lexicon.LexiconScorer;
import io.vigie.analyze.sentiment.linear.LinearSentimentScorer;
import io.vigie.runtime.testdata.TestData;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped models, loaded from the classpath as the live pipeline loads them, still reach the goals on
 * the validation splits in testdata/sentiment: all 2,000 English validation tweets (the English model learnt from
 * the 47,447 SemEval training tweets, from which every validation tweet was removed) and the 323 French ones.
 * The goals are the (English macro recall 0.68, French macro F1 0.66), which the issue sets on the official
 * test splits; validation is the nearest figure the repository can check.
 */
class ShippedModelsValidationTest {
    private static final int CORENLP_TEXTS = 100;

    /** The validation splits copied into the repository's testdata/sentiment (its README gives the sources). */
    private static Path sharedSet(String name) {
        return TestData.set("sentiment/" + name);
    }

    private static ConfusionMatrix evaluate(TextSentimentScorer scorer, LabelledTexts set) {
        int[] predicted = new int[set.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = scorer.score(set.texts().get(i)).label().ordinal();
        }
        return ConfusionMatrix.of(set.labels(), predicted);
    }

    private static LabelledTexts englishValidation() {
        return LabelledTexts.read(sharedSet("tweeteval-en"), "val");
    }

    @Test
    void englishModelReachesMacroRecall68OnAllValidationTweetsAndBeatsTheLexiconBaseline() {
        LabelledTexts val = englishValidation();
        assertTrue(val.size() == 2000, "expected the 2,000 TweetEval validation tweets, read " + val.size());
        double live = evaluate(LinearSentimentScorer.shipped("en"), val).macroRecall();
        double lexicon = evaluate(LexiconScorer.forLanguage("en"), val).macroRecall();
        assertTrue(live >= 0.68, "English validation macro recall " + live + " < 0.68");
        assertTrue(live > lexicon, "English model " + live + " does not beat the lexicon baseline " + lexicon);
    }

    @Test
    void englishModelBeatsCoreNlpOnTheFirstValidationTweets() {
        // CoreNLP parses a few tweets per CPU second: a subset keeps the test short.
        LabelledTexts subset = englishValidation().first(CORENLP_TEXTS);
        double live = evaluate(LinearSentimentScorer.shipped("en"), subset).macroRecall();
        double coreNlp = evaluate(new CoreNlpSentimentScorer(), subset).macroRecall();
        assertTrue(live > coreNlp, "English model " + live + " does not beat CoreNLP " + coreNlp
                + " on the first " + CORENLP_TEXTS + " validation tweets");
    }

    @Test
    void frenchModelReachesMacroF1Of66AndBeatsTheLexiconBaseline() {
        LabelledTexts val = LabelledTexts.read(sharedSet("deft2017-fr"), "val");
        double live = evaluate(LinearSentimentScorer.shipped("fr"), val).macroF1();
        double lexicon = evaluate(LexiconScorer.forLanguage("fr"), val).macroF1();
        assertTrue(live >= 0.66, "French validation macro F1 " + live + " < 0.66");
        assertTrue(live > lexicon, "French model " + live + " does not beat the lexicon baseline " + lexicon);
    }

    @Test
    void shippedModelArtifactsTogetherStayUnder50MB() throws Exception {
        long total = 0;
        for (String resource : List.of("/io/vigie/analyze/sentiment/linear/sentiment-en.tsv",
                "/io/vigie/analyze/sentiment/linear/sentiment-fr.tsv",
                "/io/vigie/analyze/sentiment/lexicon/afinn-165-fr.json",
                "/io/vigie/analyze/sentiment/lexicon/emoji-sentiment-ranking-1.0.csv",
                "/io/vigie/analyze/sentiment/lexicon/umigon-fr-positive.txt",
                "/io/vigie/analyze/sentiment/lexicon/umigon-fr-negative.txt")) {
            URL url = ShippedModelsValidationTest.class.getResource(resource);
            assertTrue(url != null, resource + " is not on the classpath");
            total += Files.size(Path.of(url.toURI()));
        }
        assertTrue(total < 50L * 1024 * 1024, "shipped sentiment artifacts weigh " + total + " bytes");
    }
}
