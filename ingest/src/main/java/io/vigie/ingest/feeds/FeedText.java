package io.vigie.ingest.feeds;

import org.jsoup.Jsoup;

/**
 * A text construct of a feed (title, summary, content) after cleaning.
 *
 * @param value plain text when {@code type} is "text", else sanitised HTML (see {@link HtmlSanitizer})
 * @param type "text" or "html" (XHTML content is serialised and treated as HTML)
 * @param language the xml:lang in force on the element, or null
 */
public record FeedText(String value, String type, String language) {
    public FeedText {
        value = value == null ? "" : windows1252Controls(value);
        type = "text".equals(type) ? "text" : "html";
    }

    /**
     * C1 control characters never occur in real text; feeds that contain them meant windows-1252 (a
     * {@code &#146;} for an apostrophe), so they are read as browsers read them (HTML numeric reference rules).
     */
    static String windows1252Controls(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                if (out == null) {
                    out = new StringBuilder(s.substring(0, i));
                }
                char mapped = new String(new byte[] {(byte) c}, java.nio.charset.Charset.forName("windows-1252")).charAt(0);
                out.append(mapped == '\uFFFD' ? c : mapped);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    public static FeedText text(String value) {
        return new FeedText(value, "text", null);
    }

    public boolean isHtml() {
        return "html".equals(type);
    }

    /** The text a reader sees: HTML reduced to its text, whitespace collapsed. */
    public String plainText() {
        if (!isHtml()) {
            return value.strip();
        }
        return Jsoup.parseBodyFragment(value).body().text().strip();
    }

    /** Safe HTML for display: the sanitised HTML, or the text escaped. */
    public String safeHtml() {
        return isHtml() ? value : org.jsoup.nodes.Entities.escape(value);
    }
}
