package io.vigie.analyze.sentiment.linear;

import io.vigie.analyze.sentiment.TextSentimentScorer;
import io.vigie.analyze.sentiment.lexicon.LexiconScorer;
import io.vigie.analyze.sentiment.lexicon.UmigonTerms;
import io.vigie.analyze.sentiment.text.IronyMarkers;
import io.vigie.analyze.sentiment.text.LanguageRules;
import io.vigie.analyze.sentiment.text.SocialTokenizer;
import io.vigie.model.Sentiment;
import io.vigie.model.SentimentLabel;
import java.io.InputStream;

/** The live scorer for one language: features, then the trained linear model. Thread-safe. */
public final class LinearSentimentScorer implements TextSentimentScorer {
    public static final String RESOURCE_DIR = "/io/vigie/analyze/sentiment/linear/";

    private final LinearSentimentModel model;
    private final FeatureExtractor features;
    private final IronyMarkers irony = new IronyMarkers();

    public LinearSentimentScorer(LinearSentimentModel model, FeatureExtractor features) {
        this.model = model;
        this.features = features;
    }

    /** The shipped model of {@code language} ("fr" or "en"), from the classpath. */
    public static LinearSentimentScorer shipped(String language) {
        String resource = RESOURCE_DIR + "sentiment-" + language + ".tsv";
        try (InputStream in = LinearSentimentScorer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("sentiment model " + resource + " is not on the classpath; build it "
                        + "with: vigie train sentiment --lang " + language);
            }
            LinearSentimentModel model = LinearSentimentModel.read(in, resource);
            return of(model);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static LinearSentimentScorer of(LinearSentimentModel model) {
        String language = model.language();
        FeatureExtractor extractor = new FeatureExtractor(new SocialTokenizer(), LanguageRules.forLanguage(language),
                LexiconScorer.forLanguage(language), model.charGrams(), model.umigon() ? UmigonTerms.french() : null);
        return new LinearSentimentScorer(model, extractor);
    }

    public LinearSentimentModel model() {
        return model;
    }

    @Override
    public String name() {
        return "vigie-linear-" + model.language();
    }

    @Override
    public String version() {
        return model.version();
    }

    @Override
    public String language() {
        return model.language();
    }

    /**
     * The model's probabilities, with positive and negative swapped when the text carries an explicit irony marker
     * and the model read it as rather positive ({@link IronyMarkers}).
     */
    @Override
    public double[] probabilities(String text) {
        double[] p = model.probabilities(features.features(text));
        if (p[2] > p[0] && irony.isMarkedIronic(text)) {
            double positive = p[2];
            p[2] = p[0];
            p[0] = positive;
        }
        return p;
    }

    @Override
    public Sentiment score(String text) {
        return fromProbabilities(probabilities(text), name(), version());
    }

    /** Label = most probable class; score = P(positive) - P(negative); confidence = the label's probability. */
    public static Sentiment fromProbabilities(double[] p, String name, String version) {
        int best = 0;
        for (int k = 1; k < 3; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        SentimentLabel label = best == 0 ? SentimentLabel.NEGATIVE
                : best == 1 ? SentimentLabel.NEUTRAL : SentimentLabel.POSITIVE;
        double score = Math.max(-1, Math.min(1, p[2] - p[0]));
        return new Sentiment(label, score, Math.max(0, Math.min(1, p[best])), name, version);
    }
}
