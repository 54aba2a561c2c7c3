package io.vigie.ingest.identity;

import io.vigie.ingest.feeds.FeedEntry;
import io.vigie.model.Engagement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The id rule. A guid or Atom id that is a global identifier (an absolute URI: http, urn:, tag:, yt:…) is
 * the id, URLs canonicalised; a local guid ("1234") is scoped by the feed's canonical URL, since two feeds may
 * both number their items from 1; with no guid, the item's canonical link is the id. An entry with none of these
 * has no stable identity and is refused (dead letter) rather than given one that would change at each poll.
 */
public final class MentionIdentity {
    private static final Pattern GLOBAL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:\\S+");

    private MentionIdentity() {}

    /** The id, or null when the entry has no stable identity. */
    public static String idOf(FeedEntry entry, String feedUrl) {
        String guid = entry.id() == null ? null : entry.id().strip();
        if (guid != null && !guid.isEmpty()) {
            if (GLOBAL.matcher(guid).matches()) {
                return guid.regionMatches(true, 0, "http", 0, 4) ? CanonicalUrl.of(guid) : guid;
            }
            return CanonicalUrl.of(feedUrl) + "#guid=" + guid;
        }
        if (entry.link() != null && !entry.link().isBlank()) {
            return CanonicalUrl.of(entry.link());
        }
        return null;
    }

    /** Fingerprint of what makes an edit: title, text, link and media; a change is a new version. */
    public static String contentHash(String title, String text, String url, String media) {
        return sha256(title + "\u0000" + text + "\u0000" + url + "\u0000" + media);
    }

    /** Fingerprint of the engagement figures; a change republishes the mention with the new figures. */
    public static String engagementHash(Engagement e) {
        return e == null || e.isEmpty() ? "-" : sha256(e.toString()).substring(0, 16);
    }

    static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
