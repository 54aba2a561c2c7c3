package io.vigie.ingest.fetch;

import java.time.Duration;

/**
 * How the fetcher behaves.
 *
 * @param userAgent sent on every request; it names Vigie and a contact URL so site owners can reach the operator
 * @param maxBytes largest body accepted, after decompression
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBytes, int maxRedirects) {
    public FetchSettings {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("a User-Agent is required");
        }
        if (maxBytes <= 0 || maxRedirects < 0) {
            throw new IllegalArgumentException("maxBytes must be positive and maxRedirects not negative");
        }
    }

    public static String userAgent(String version, String contactUrl) {
        return "Vigie/" + version + " (+" + contactUrl + ")";
    }
}
