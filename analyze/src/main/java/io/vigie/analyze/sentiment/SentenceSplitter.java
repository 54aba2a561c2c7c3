package io.vigie.analyze.sentiment;

import java.util.List;

/** Cuts a text into sentences, keeping their original wording. */
public interface SentenceSplitter {
    List<String> sentences(String text, String language);
}
