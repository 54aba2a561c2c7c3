package io.vigie.analyze.sentiment.lexicon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.analyze.sentiment.text.SocialTokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Word (accent-folded, lower case) to valence on VADER's scale [-4, 4], plus emoji valences. Immutable.
 *
 * @param name where the words come from, e.g. "vader-1.0"
 * @param words single words and short phrases ("a gagné") to valence
 * @param emoji an emoji's base code point, as a string, to valence
 */
public record PolarityLexicon(String name, Map<String, Double> words, Map<String, Double> emoji) {
    static final String VADER_RESOURCE = "vader_sentiment_lexicon.txt";
    static final String AFINN_FR_RESOURCE = "/io/vigie/analyze/sentiment/lexicon/afinn-165-fr.json";
    static final String VIGIE_FR_RESOURCE = "/io/vigie/analyze/sentiment/lexicon/vigie-opinion-fr.tsv";
    static final String EMOJI_RESOURCE = "/io/vigie/analyze/sentiment/lexicon/emoji-sentiment-ranking-1.0.csv";

    public PolarityLexicon {
        words = Map.copyOf(words);
        emoji = Map.copyOf(emoji);
    }

    public double word(String folded) {
        Double v = words.get(folded);
        return v == null ? 0 : v;
    }

    public boolean contains(String folded) {
        return words.containsKey(folded);
    }

    public double emojiValence(String emojiBase) {
        Double v = emoji.get(emojiBase);
        return v == null ? 0 : v;
    }

    /** The lexicon for "en" or "fr", read from the classpath. */
    public static PolarityLexicon forLanguage(String language) {
        return switch (language) {
            case "en" -> english();
            case "fr" -> french();
            default -> throw new IllegalArgumentException("no lexicon for language " + language);
        };
    }

    /** VADER's lexicon (7,500 words, emoticons and slang rated by 10 people), from the vader-sentiment-analyzer jar. */
    public static PolarityLexicon english() {
        Map<String, Double> words = new HashMap<>();
        try (InputStream in = PolarityLexicon.class.getClassLoader().getResourceAsStream(VADER_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("VADER lexicon " + VADER_RESOURCE + " is not on the classpath "
                        + "(dependency com.github.apanimesh061:vader-sentiment-analyzer)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String[] cols = line.split("\t");
                if (cols.length < 2) {
                    continue;
                }
                words.put(SocialTokenizer.fold(cols[0].toLowerCase(Locale.ROOT)).replace("'", ""),
                        Double.parseDouble(cols[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read VADER lexicon", e);
        }
        return new PolarityLexicon("vader-1.0", words, emojiLexicon());
    }

    /**
     * AFINN-165 translated to French (2,900 entries, integer valences in [-5, 5] rescaled to [-4, 4]), with Vigie's
     * own hand-written list of everyday opinion words on top ({@link #vigieFrenchOpinionWords()}): the translation
     * misses the words customers complain with ("nul", "déçu", "décevant"), and where both have a word the
     * hand-written valence wins.
     */
    public static PolarityLexicon french() {
        Map<String, Double> words = new HashMap<>(vigieFrenchOpinionWords());
        try (InputStream in = open(AFINN_FR_RESOURCE)) {
            JsonNode root = new ObjectMapper().readTree(in);
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = SocialTokenizer.fold(e.getKey().toLowerCase(Locale.ROOT).replace('’', '\''));
                words.merge(key, e.getValue().asDouble() * 0.8, (a, b) -> a);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read French AFINN lexicon", e);
        }
        return new PolarityLexicon("afinn-165-fr+vigie-opinion-fr", words, emojiLexicon());
    }

    /**
     * Vigie's hand-written French opinion words (resource {@code vigie-opinion-fr.tsv}), every inflected form
     * generated, accent-folded, to valence.
     */
    public static Map<String, Double> vigieFrenchOpinionWords() {
        Map<String, Double> words = new HashMap<>();
        try (InputStream in = open(VIGIE_FR_RESOURCE)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 3) {
                    throw new IllegalStateException(VIGIE_FR_RESOURCE + " line " + lineNumber
                            + ": expected word, valence and inflection separated by tabs, got: " + line);
                }
                double valence = Double.parseDouble(cols[1]);
                String word = SocialTokenizer.fold(cols[0].toLowerCase(Locale.ROOT).replace('’', '\''));
                for (String form : FrenchInflections.forms(word, cols[2])) {
                    words.putIfAbsent(form, valence);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Vigie's French opinion words", e);
        }
        return words;
    }

    /**
     * The Emoji Sentiment Ranking (Kralj Novak et al. 2015): for each emoji seen at least 5 times in 1.6 million
     * labelled tweets, (positive - negative) / occurrences, scaled to about [-2.5, 2.5].
     */
    public static Map<String, Double> emojiLexicon() {
        Map<String, Double> emoji = new HashMap<>();
        try (InputStream in = open(EMOJI_RESOURCE)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                String[] cols = line.split(",");
                if (cols.length < 7) {
                    continue;
                }
                int codePoint = Integer.decode(cols[1]);
                double occurrences = Double.parseDouble(cols[2]);
                if (occurrences < 5) {
                    continue;
                }
                double polarity = (Double.parseDouble(cols[6]) - Double.parseDouble(cols[4])) / occurrences;
                emoji.put(new String(Character.toChars(codePoint)), polarity * 4);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read emoji sentiment ranking", e);
        }
        return emoji;
    }

    private static InputStream open(String resource) {
        InputStream in = PolarityLexicon.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("lexicon resource " + resource + " is missing from the classpath");
        }
        return in;
    }
}
