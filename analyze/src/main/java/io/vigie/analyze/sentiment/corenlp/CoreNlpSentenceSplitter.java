package io.vigie.analyze.sentiment.corenlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import io.vigie.analyze.sentiment.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Sentences from CoreNLP's tokenize + ssplit annotators (no model files needed), French tokenizer for French.
 * Thread-safe: each call annotates its own document, and these two annotators keep no per-document state.
 */
public final class CoreNlpSentenceSplitter implements SentenceSplitter {
    private final StanfordCoreNLP english;
    private final StanfordCoreNLP french;

    public CoreNlpSentenceSplitter() {
        this.english = pipeline("en");
        this.french = pipeline("fr");
    }

    private static StanfordCoreNLP pipeline(String language) {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit");
        props.setProperty("tokenize.language", language);
        props.setProperty("tokenize.options", "untokenizable=noneDelete");
        // A line break ends a sentence in comments and posts even without a full stop.
        props.setProperty("ssplit.newlineIsSentenceBreak", "two");
        return new StanfordCoreNLP(props, false);
    }

    @Override
    public List<String> sentences(String text, String language) {
        Annotation document = new Annotation(text);
        ("fr".equals(language) ? french : english).annotate(document);
        List<String> out = new ArrayList<>();
        for (CoreMap s : document.get(CoreAnnotations.SentencesAnnotation.class)) {
            int begin = s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int end = s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            String sentence = text.substring(begin, end).strip();
            if (!sentence.isEmpty()) {
                out.add(sentence);
            }
        }
        if (out.isEmpty() && !text.isBlank()) {
            out.add(text.strip());
        }
        return out;
    }
}
