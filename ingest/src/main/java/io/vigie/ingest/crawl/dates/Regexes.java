package io.vigie.ingest.crawl.dates;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Compiled regular expressions, kept once compiled: date reading runs on many strings per page, and compiling its
 * patterns at each call ({@code String.matches}) was a large share of extraction time. A memo of a pure function
 * over the readers' own constant patterns.
 */
public final class Regexes {
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private Regexes() {}

    public static Pattern of(String regex) {
        return COMPILED.computeIfAbsent(regex, Pattern::compile);
    }
}
