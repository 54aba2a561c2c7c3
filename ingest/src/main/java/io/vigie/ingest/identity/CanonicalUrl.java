package io.vigie.ingest.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One spelling per address, so that the same article reached through a tracking link, an upper-case host or a
 * default port is the same mention: scheme and host lower-cased, default port and empty query removed,
 * tracking parameters dropped, remaining parameters sorted, unreserved percent-escapes decoded, fragment removed
 * unless it names a comment ({@code #comment-12}).
 */
public final class CanonicalUrl {
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid",
            "igshid", "yclid", "_hsenc", "_hsmi", "mkt_tok", "wt.mc_id", "xtor", "at_medium", "at_campaign");
    private static final Pattern COMMENT_FRAGMENT = Pattern.compile("(?i)(comment|reply|respond|c|post)[-_]?\\d+.*|\\d+");

    private CanonicalUrl() {}

    /** The canonical form, or the input stripped when it is not a parseable absolute URL. */
    public static String of(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.strip();
        URI uri;
        try {
            uri = new URI(trimmed.replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return trimmed;
        }
        if (!uri.isAbsolute() || uri.getRawAuthority() == null) {
            return trimmed;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? uri.getRawAuthority().toLowerCase(Locale.ROOT) : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : decodeUnreserved(uri.getRawPath());
        path = path.replaceAll("/{2,}", "/");
        StringBuilder out = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            out.append(uri.getRawUserInfo()).append('@');
        }
        out.append(host);
        if (port >= 0) {
            out.append(':').append(port);
        }
        out.append(path);
        String query = canonicalQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        String fragment = uri.getRawFragment();
        if (fragment != null && COMMENT_FRAGMENT.matcher(fragment).matches()) {
            out.append('#').append(fragment);
        }
        return out.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING.contains(name)) {
                continue;
            }
            kept.add(decodeUnreserved(pair));
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    private static String decodeUnreserved(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                try {
                    int v = Integer.parseInt(s.substring(i + 1, i + 3), 16);
                    if ((v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9') || v == '-' || v == '.'
                            || v == '_' || v == '~') {
                        out.append((char) v);
                    } else {
                        out.append('%').append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                    }
                    i += 2;
                    continue;
                } catch (NumberFormatException e) {
                    // a literal percent sign: keep it
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The host of a URL, lower case, or null. */
    public static String host(String url) {
        try {
            String h = new URI(url.strip().replace(" ", "%20")).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException | NullPointerException e) {
            return null;
        }
    }
}
