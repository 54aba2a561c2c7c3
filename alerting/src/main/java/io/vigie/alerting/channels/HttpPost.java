package io.vigie.alerting.channels;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The one HTTP client of the HTTP channels, and how their answers are judged. */
public final class HttpPost {
    private final HttpClient client;

    public HttpPost() {
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Sends and accepts any 2xx; 408, 425, 429 and 5xx are worth retrying, other statuses are not. */
    public String send(String method, String url, String contentType, String body, Map<String, String> headers,
            Duration timeout) throws DeliveryException {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        } catch (IllegalArgumentException e) {
            throw new DeliveryException("bad URL " + url + ": " + e.getMessage(), true);
        }
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        b.method(method, publisher);
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        HttpResponse<String> response;
        try {
            response = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryException(e.getClass().getSimpleName() + " " + (e.getMessage() == null ? "" : e.getMessage())
                    + " at " + url, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", false, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response.body();
        }
        boolean retry = status == 408 || status == 425 || status == 429 || status >= 500;
        String text = response.body() == null ? "" : response.body();
        throw new DeliveryException("HTTP " + status + " from " + url + ": "
                + (text.length() > 200 ? text.substring(0, 200) : text), !retry);
    }
}
