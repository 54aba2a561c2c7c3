package io.vigie.ingest.fetch;

import io.vigie.ingest.ssrf.AddressGuard;
import io.vigie.ingest.ssrf.RefusedAddressException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Fetches one URL. Redirects are followed here, not by the client, so that each hop is checked by the
 * {@link AddressGuard} and counted; the body is read against a deadline and a size limit (after decompression,
 * so a small gzip bomb is caught too).
 */
public final class HttpFetcher implements AutoCloseable {
    static {
        // lets a request name its Host while connecting to the address the guard checked (see pinned); the
        // launcher sets it too, before any HTTP client of the JVM reads it
        if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        }
    }

    private final HttpClient client;
    private final FetchSettings settings;
    private final AddressGuard guard;
    private final ScheduledExecutorService deadlines;

    public HttpFetcher(FetchSettings settings, AddressGuard guard) {
        this.settings = settings;
        this.guard = guard;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigie-fetch-deadlines");
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether the URL may be fetched at all (SSRF guard), before anything is sent to its host. */
    public void check(URI url) throws FetchException {
        try {
            guard.check(url);
        } catch (RefusedAddressException e) {
            throw new FetchException(e.getMessage(), e);
        }
    }

    /** A conditional GET: the validators from the previous fetch, or nulls. */
    public FetchResult get(URI url, String etag, String lastModified) throws FetchException {
        URI current = url;
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            InetAddress checked;
            try {
                checked = guard.checkedAddress(current);
            } catch (RefusedAddressException e) {
                throw new FetchException(e.getMessage(), e);
            }
            HttpRequest.Builder request = pinned(current, checked)
                    .timeout(settings.readTimeout())
                    .header("User-Agent", settings.userAgent())
                    .header("Accept", "application/atom+xml, application/rss+xml, application/rdf+xml, "
                            + "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1")
                    .header("Accept-Encoding", "gzip, deflate")
                    .GET();
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                throw new FetchException("timed out after " + settings.readTimeout().toMillis() + " ms waiting for "
                        + current, e);
            } catch (IOException e) {
                throw new FetchException("cannot fetch " + current + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                drain(response.body());
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new FetchException("redirect " + status + " without Location from " + current, null);
                }
                current = current.resolve(location.strip().replace(" ", "%20"));
                continue;
            }
            byte[] body = status == 304 ? new byte[0] : readBody(response, current);
            String contentLocation = response.headers().firstValue("Content-Location").orElse(null);
            URI base = current;
            if (contentLocation != null) {
                try {
                    base = current.resolve(contentLocation.strip());
                } catch (IllegalArgumentException ignored) {
                    // a malformed Content-Location is ignored, as browsers do
                }
            }
            return new FetchResult(status, current, base, body,
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("ETag").orElse(etag),
                    response.headers().firstValue("Last-Modified").orElse(lastModified),
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now()));
        }
        throw new FetchException("more than " + settings.maxRedirects() + " redirects from " + url, null);
    }

    /**
     * A request to the checked address. Plain http connects to the address literal and names the host in the Host
     * header, so the name is not resolved a second time (DNS rebinding). https keeps the name, which TLS needs for
     * SNI and certificate checks; there the certificate binds the connection to the name: a rebound address inside
     * the network would have to present a valid certificate for the attacker's domain.
     */
    static HttpRequest.Builder pinned(URI url, InetAddress checked) {
        String host = url.getHost();
        boolean literal = host.startsWith("[") || host.matches("[0-9.]+");
        if (!"http".equalsIgnoreCase(url.getScheme()) || literal) {
            return HttpRequest.newBuilder(url);
        }
        String address = checked instanceof Inet6Address ? "[" + checked.getHostAddress() + "]" : checked.getHostAddress();
        try {
            URI direct = new URI(url.getScheme(), url.getRawUserInfo(), address, url.getPort(), null, null, null);
            String rest = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            if (url.getRawQuery() != null) {
                rest += "?" + url.getRawQuery();
            }
            return HttpRequest.newBuilder(URI.create(direct + rest))
                    .header("Host", url.getPort() < 0 ? host : host + ":" + url.getPort());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("cannot address " + url + " by " + address, e);
        }
    }

    private byte[] readBody(HttpResponse<InputStream> response, URI url) throws FetchException {
        AtomicBoolean timedOut = new AtomicBoolean();
        InputStream raw = response.body();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            timedOut.set(true);
            try {
                raw.close();
            } catch (IOException ignored) {
                // closing is how the blocked read is interrupted
            }
        }, settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        String encoding = response.headers().firstValue("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
        try (InputStream in = decoded(raw, encoding)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > settings.maxBytes()) {
                    throw new FetchException("response from " + url + " is larger than " + settings.maxBytes()
                            + " bytes", null);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new FetchException("timed out after " + settings.readTimeout().toMillis()
                        + " ms reading the body of " + url, e);
            }
            throw new FetchException("cannot read the body of " + url + ": " + e, e);
        } finally {
            deadline.cancel(false);
        }
    }

    /** gzip, or deflate in either of its two shapes (zlib-wrapped as specified, raw as some servers send). */
    private static InputStream decoded(InputStream raw, String encoding) throws IOException {
        switch (encoding) {
            case "gzip", "x-gzip":
                return new GZIPInputStream(raw);
            case "deflate": {
                PushbackInputStream in = new PushbackInputStream(raw, 2);
                int first = in.read();
                int second = in.read();
                if (second >= 0) {
                    in.unread(second);
                }
                if (first >= 0) {
                    in.unread(first);
                }
                boolean zlib = first >= 0 && (first & 0x0F) == 8 && ((first << 8) | second) % 31 == 0;
                return new InflaterInputStream(in, new Inflater(!zlib));
            }
            default:
                return raw;
        }
    }

    private static void drain(InputStream body) {
        try (body) {
            body.readNBytes(65536);
        } catch (IOException ignored) {
            // the connection is discarded anyway
        }
    }

    /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }
}
