package io.vigie.dashboards.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One exported mention: the fields an analyst hands on, in the order of the columns. Numbers stay numbers (null
 * when the source gave none) so a spreadsheet can sum them.
 */
public record ExportRow(String id, String date, String brands, String source, String host, String url, String author,
        String title, String text, String language, String sentiment, Double sentimentScore, Long views, Long likes,
        Long comments, Long shares, Long reach, Long copies) {

    public static final List<String> COLUMNS = List.of("id", "date", "brands", "source", "host", "url", "author",
            "title", "text", "language", "sentiment", "sentiment_score", "views", "likes", "comments", "shares",
            "reach", "copies");

    /** The document fields an export reads, so Elasticsearch sends nothing else. */
    static final List<String> SOURCE_FIELDS = List.of("id", "eventTime", "brands", "source", "sourceHost", "url",
            "author", "title", "text", "language", "sentiment.label", "sentiment.score", "engagement", "copyCount");

    static ExportRow of(JsonNode d) {
        List<String> brands = new ArrayList<>();
        d.path("brands").forEach(b -> brands.add(b.asText()));
        JsonNode e = d.path("engagement");
        return new ExportRow(text(d, "id"), text(d, "eventTime"), String.join(" ", brands), text(d, "source"),
                text(d, "sourceHost"), text(d, "url"), text(d, "author"), text(d, "title"), text(d, "text"),
                text(d, "language"), text(d.path("sentiment"), "label"),
                d.path("sentiment").hasNonNull("score") ? d.path("sentiment").get("score").asDouble() : null,
                number(e, "views"), number(e, "likes"), number(e, "comments"), number(e, "shares"), number(e, "reach"),
                number(d, "copyCount"));
    }

    /** The cells in column order: strings, numbers or nulls. */
    public List<Object> cells() {
        List<Object> out = new ArrayList<>(COLUMNS.size());
        out.add(id);
        out.add(date);
        out.add(brands);
        out.add(source);
        out.add(host);
        out.add(url);
        out.add(author);
        out.add(title);
        out.add(text);
        out.add(language);
        out.add(sentiment);
        out.add(sentimentScore);
        out.add(views);
        out.add(likes);
        out.add(comments);
        out.add(shares);
        out.add(reach);
        out.add(copies);
        return out;
    }

    private static String text(JsonNode d, String field) {
        return d.hasNonNull(field) ? d.get(field).asText() : null;
    }

    private static Long number(JsonNode d, String field) {
        return d.hasNonNull(field) ? d.get(field).asLong() : null;
    }
}
