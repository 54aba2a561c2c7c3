package io.vigie.dashboards.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.model.VigieJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Where a reader is in a result set: the point-in-time that froze it, the sort values of the last hit shown, and
 * the query and order it was read with. Written into the page as an opaque token; the next page is the same query on
 * the same point-in-time after those values, as cheap at page 1,000 as at page 2.
 *
 * @param after the last hit's sort values (numbers, strings, booleans or nulls, as Elasticsearch returned them)
 * @param page the 1-based number of the page that ends at {@code after}
 */
public record SearchCursor(String pitId, String query, SearchSort sort, int size, List<Object> after, int page) {
    private static final ObjectMapper JSON = VigieJson.newMapper();

    public SearchCursor {
        after = after == null ? List.of() : new ArrayList<>(after);
    }

    public String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cursor of a token; throws {@link IllegalArgumentException} for one that was not written by {@link #encode}. */
    public static SearchCursor decode(String token) {
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(token), SearchCursor.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a search page token", e);
        }
    }

    List<FieldValue> searchAfter() {
        return fieldValues(after);
    }

    static List<FieldValue> fieldValues(List<Object> after) {
        List<FieldValue> out = new ArrayList<>();
        for (Object v : after) {
            if (v == null) {
                out.add(FieldValue.NULL);
            } else if (v instanceof Integer || v instanceof Long) {
                out.add(FieldValue.of(((Number) v).longValue()));
            } else if (v instanceof Number n) {
                out.add(FieldValue.of(n.doubleValue()));
            } else if (v instanceof Boolean b) {
                out.add(FieldValue.of(b));
            } else {
                out.add(FieldValue.of(v.toString()));
            }
        }
        return out;
    }

    static List<Object> valuesOf(List<FieldValue> sort) {
        List<Object> out = new ArrayList<>();
        for (FieldValue v : sort) {
            out.add(v.isNull() ? null : v._get());
        }
        return out;
    }
}
