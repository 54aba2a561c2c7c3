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
        value = value == null ? "" : value;
        type = "text".equals(type) ? "text" : "html";
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
