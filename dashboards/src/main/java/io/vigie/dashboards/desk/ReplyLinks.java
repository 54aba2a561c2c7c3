package io.vigie.dashboards.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Locale;

/**
 * Where to answer a mention on its own platform (Vigie does not post there itself): a comment's permalink, a
 * post's or video's page (where replies go), else the thread. Only http(s) links are offered.
 */
public final class ReplyLinks {
    private ReplyLinks() {}

    static String replyLink(JsonNode document) {
        String kind = document.path("kind").asText("");
        String url = document.path("url").asText(null);
        String thread = document.path("threadUrl").asText(null);
        String parent = document.path("parentUrl").asText(null);
        // A comment is answered under itself (its permalink); a post or a video on its page.
        for (String candidate : "comment".equals(kind) ? new String[] {url, parent, thread}
                : new String[] {url, thread}) {
            if (isWebLink(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static boolean isWebLink(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            String scheme = URI.create(url.strip()).getScheme();
            return scheme != null && (scheme.toLowerCase(Locale.ROOT).equals("http")
                    || scheme.toLowerCase(Locale.ROOT).equals("https"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
