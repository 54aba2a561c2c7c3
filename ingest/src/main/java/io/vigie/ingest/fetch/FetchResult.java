package io.vigie.ingest.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * What a fetch returned.
 *
 * @param finalUrl the URL after redirects
 * @param base the document's own address for relative links (Content-Location, else the final URL)
 * @param retryAfter the server's Retry-After on 429/503, or null
 */
public record FetchResult(
        int status, URI finalUrl, URI base, byte[] body, String contentType, String etag, String lastModified,
        Duration retryAfter) {

    public boolean notModified() {
        return status == 304;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
