package io.vigie.analyze.normalize;

import io.vigie.model.RawMention;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/** Cleans a raw mention's text and URL and decides its event time and backfill flag. Pure and thread-safe. */
public final class MentionNormalizer {
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");
    private static final Pattern SPACES = Pattern.compile("[\\t\\x0B\\f\\r \\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n+");
    private static final Pattern TRACKING_PARAMETER =
            Pattern.compile("(?i)^(utm_[a-z]+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|ref_src|_hsenc|_hsmi)$");

    /** An anchor that ends with a number names one item on the page: {@code comment-12}, {@code p4514}, {@code 12}. */
    private static final Pattern ONE_ITEM_FRAGMENT = Pattern.compile("(?i)([a-z]+[-_])*[a-z]*\\d+");

    private final Lateness lateness;

    public MentionNormalizer(Lateness lateness) {
        this.lateness = lateness;
    }

    /** A normalised copy of the mention (text, title, URLs) with its event time and backfill flag. */
    public Result normalize(RawMention m) {
        RawMention clean = new RawMention(m.schemaVersion(), m.id().strip(), m.version(), m.source(), m.sourceHost(),
                m.kind(), canonicalUrl(m.url()), canonicalUrl(m.parentUrl()), canonicalUrl(m.threadUrl()), m.author(),
                cleanText(m.title()), cleanText(m.text()), m.safeHtml(), m.categories(), m.media(), m.publishedAt(),
                m.fetchedAt(), m.languageHint(), m.engagement(), m.provenance(), m.position(),
                canonicalUrl(m.replyUrl()));
        // Published time, else fetched; a published time after the fetch is a clock error on the source's side,
        // and trusting it would push stream time ahead and close windows early.
        Instant eventTime = clean.eventTime().isAfter(clean.fetchedAt()) ? clean.fetchedAt() : clean.eventTime();
        // Judged against when the item was read, not against the processing clock: a replay of the topic
        // classifies every mention the same way as the first run did.
        // A producer loading history says so in the provenance, so its last hours are history too.
        boolean backfill = Duration.between(eventTime, clean.fetchedAt()).compareTo(lateness.backfillAfter()) > 0
                || (clean.provenance() != null && clean.provenance().backfill());
        return new Result(clean, eventTime, backfill);
    }

    public record Result(RawMention mention, Instant eventTime, boolean backfill) {}

    /** NFC, no control or zero-width characters, single spaces, at most one blank line in a row. */
    public static String cleanText(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        s = INVISIBLE.matcher(s).replaceAll("");
        s = SPACES.matcher(s).replaceAll(" ");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return s.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }

    /**
     * Lower-case scheme and host, no default port, no tracking parameters (utm_*, fbclid…), so the same page shared
     * with different tracking links is one URL. A fragment is dropped ({@code #comments}, {@code #respond}, text
     * fragments) unless it names one comment or post on the page ({@code #comment-12}, phpBB's {@code #p4514}): that
     * is the comment's own address, and without it every comment of a thread would point at the thread's top. A value
     * that is not an http(s) URL is kept as it is.
     */
    public static String canonicalUrl(String url) {
        if (url == null || url.isBlank()) {
            return url;
        }
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || u.getHost() == null) {
                return url.strip();
            }
            String host = u.getHost().toLowerCase(Locale.ROOT);
            int port = u.getPort();
            if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
                port = -1;
            }
            String query = null;
            if (u.getRawQuery() != null) {
                StringJoiner kept = new StringJoiner("&");
                for (String parameter : u.getRawQuery().split("&")) {
                    String name = parameter.split("=", 2)[0];
                    if (!parameter.isEmpty() && !TRACKING_PARAMETER.matcher(name).matches()) {
                        kept.add(parameter);
                    }
                }
                query = kept.length() == 0 ? null : kept.toString();
            }
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            String fragment = u.getRawFragment() != null && ONE_ITEM_FRAGMENT.matcher(u.getRawFragment()).matches()
                    ? "#" + u.getRawFragment() : "";
            return scheme + "://" + host + (port == -1 ? "" : ":" + port) + path + (query == null ? "" : "?" + query)
                    + fragment;
        } catch (URISyntaxException e) {
            return url.strip();
        }
    }
}
