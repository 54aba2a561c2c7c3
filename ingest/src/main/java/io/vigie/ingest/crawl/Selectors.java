package io.vigie.ingest.crawl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Parsed CSS selectors, kept once parsed: the readers try dozens of selectors on every comment block, and parsing
 * them again each time was most of the extraction time. A memo of a pure function over a bounded set of strings
 * (the readers' own selectors and the configured rules'), not state.
 */
final class Selectors {
    private static final Map<String, Evaluator> PARSED = new ConcurrentHashMap<>();

    private Selectors() {}

    static Evaluator of(String css) {
        Evaluator e = PARSED.get(css);
        if (e == null) {
            e = QueryParser.parse(css);
            if (PARSED.size() < 10_000) {
                PARSED.put(css, e);
            }
        }
        return e;
    }
}
