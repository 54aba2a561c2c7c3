package io.vigie.runtime.config;

/** A configuration error, its message naming the key, the line and what is expected. */
public class ConfigException extends RuntimeException {
    private final String key;
    private final int line;

    public ConfigException(String origin, String key, int line, String problem) {
        super(origin + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
        this.key = key;
        this.line = line;
    }

    /** The dotted key, e.g. {@code ingest.sources[2].url}. */
    public String key() {
        return key;
    }

    /** 1-based line in the file, or 0 when the key is absent from it. */
    public int line() {
        return line;
    }
}
