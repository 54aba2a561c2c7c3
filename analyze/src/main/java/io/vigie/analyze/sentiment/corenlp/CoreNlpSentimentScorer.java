package io.vigie.analyze.sentiment.corenlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import io.vigie.analyze.sentiment.TextSentimentScorer;
import io.vigie.analyze.sentiment.linear.LinearSentimentScorer;
import io.vigie.model.Sentiment;
import java.util.Properties;
import org.ejml.simple.SimpleMatrix;

/**
 * Stanford CoreNLP's sentiment model (Socher et al. 2013, trained on movie reviews) as a three-label scorer:
 * each sentence's five-class distribution (very negative ... very positive) is averaged over the text weighted by
 * sentence length, then very negative + negative and positive + very positive are merged.
 *
 * <p>English only (CoreNLP ships no French sentiment model). Needs the {@code stanford-corenlp:models} jar and
 * at least 512 MiB of heap. Slow (parse + RNN per sentence): it runs in evaluation, benchmarks and optional
 * sampled re-scoring, never on every live mention. Annotation is serialised because the parser is not
 * documented as safe for concurrent use.
 */
public final class CoreNlpSentimentScorer implements TextSentimentScorer {
    private static final String VERSION = "4.5.10";
    private final StanfordCoreNLP pipeline;

    public CoreNlpSentimentScorer() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,parse,sentiment");
        props.setProperty("parse.binaryTrees", "true");
        props.setProperty("parse.maxlen", "80");
        props.setProperty("tokenize.options", "untokenizable=noneDelete");
        try {
            this.pipeline = new StanfordCoreNLP(props);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start CoreNLP sentiment (is edu.stanford.nlp:stanford-corenlp:"
                    + VERSION + ":models on the classpath, with -Xmx512m or more?): " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "corenlp-sentiment";
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public String language() {
        return "en";
    }

    @Override
    public Sentiment score(String text) {
        return LinearSentimentScorer.fromProbabilities(probabilities(text), name(), version());
    }

    @Override
    public double[] probabilities(String text) {
        Annotation document = new Annotation(text);
        synchronized (pipeline) {
            pipeline.annotate(document);
        }
        double[] five = new double[5];
        double weight = 0;
        for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
            Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
            if (tree == null) {
                continue;
            }
            SimpleMatrix predictions = RNNCoreAnnotations.getPredictions(tree);
            double w = Math.max(1, sentence.get(CoreAnnotations.TokensAnnotation.class).size());
            for (int k = 0; k < 5; k++) {
                five[k] += w * predictions.get(k);
            }
            weight += w;
        }
        if (weight == 0) {
            return new double[] {0, 1, 0};
        }
        return new double[] {(five[0] + five[1]) / weight, five[2] / weight, (five[3] + five[4]) / weight};
    }
}
