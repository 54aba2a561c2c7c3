package io.vigie.dashboards.web.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.vigie.dashboards.search.AnalystSearch;
import io.vigie.dashboards.search.SearchCursor;
import io.vigie.dashboards.search.SearchPage;
import io.vigie.dashboards.search.SearchSort;
import io.vigie.dashboards.web.PageServices;
import io.vigie.dashboards.web.WebContext;
import io.vigie.model.VigieJson;
import io.vigie.query.QueryField;
import io.vigie.query.QueryNode;
import io.vigie.query.QueryParseException;
import io.vigie.query.SearchQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /search} and {@code GET /api/search} ({@code q}, {@code sort}, {@code cursor}, {@code size}; the API
 * also takes {@code brand}, which adds {@code brand:<id>}). The first page of a query opens a point-in-time and
 * brings the total, the facets and the histogram of the whole result set; {@code cursor} (the opaque token of the
 * "next page" link) reads the following page of the same frozen result set. The page's script fetches the next
 * pages as HTML fragments ({@code part=results}) and keeps the facets and histogram of the first; without a script
 * the link opens a whole page, without them. A malformed query answers 400 with the position of the problem, in
 * the user's language; an expired result set 410, "search again".
 */
public final class AnalystSearchPage {
    static final int PAGE_SIZE = 20;
    private static final String SORTS = String.join(", ",
            Arrays.stream(SearchSort.values()).map(AnalystSearchPage::sortName).toList());

    private final PageServices services;
    private final SearchServices search;
    private final ObjectMapper json = VigieJson.newMapper();

    public AnalystSearchPage(PageServices services, SearchServices search) {
        this.services = services;
        this.search = search;
    }

    /** What one request asked for and what came of it: a page, a query that does not parse, or an expired set. */
    record Outcome(String query, SearchSort sort, SearchPage page, QueryParseException error, boolean expired) {
        int status() {
            return error != null ? 400 : expired ? 410 : 200;
        }
    }

    Outcome run(Context ctx, boolean api) throws IOException {
        String token = ctx.queryParam("cursor");
        if (token != null && !token.isBlank()) {
            SearchCursor cursor;
            try {
                cursor = SearchCursor.decode(token.strip());
            } catch (IllegalArgumentException e) {
                throw new BadRequestResponse("cursor: not a page token of this search; run the search again");
            }
            try {
                return new Outcome(cursor.query(), cursor.sort(), search.search().next(cursor), null, false);
            } catch (AnalystSearch.ExpiredResultSetException e) {
                return new Outcome(cursor.query(), cursor.sort(), null, null, true);
            }
        }
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        String brand = api ? ctx.queryParam("brand") : null;
        if (brand != null && !brand.isBlank()) {
            q = refine(q, QueryField.BRAND.clause(brand.strip()));
        }
        SearchSort sort = sort(ctx.queryParam("sort"));
        int size = ctx.queryParamAsClass("size", Integer.class)
                .check(n -> n > 0 && n <= AnalystSearch.MAX_PAGE_SIZE, "size must be in 1.." + AnalystSearch.MAX_PAGE_SIZE)
                .getOrDefault(PAGE_SIZE);
        SearchQuery query;
        try {
            query = SearchQuery.parse(q);
        } catch (QueryParseException e) {
            return new Outcome(q, sort, null, e, false);
        }
        return new Outcome(q, sort, search.search().first(query, sort, size), null, false);
    }

    static SearchSort sort(String name) {
        try {
            return SearchSort.named(name);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("sort must be one of " + SORTS + ", not '" + name + "'");
        }
    }

    static String sortName(SearchSort sort) {
        return sort.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The query narrowed by one more clause (a facet's {@code field:value}), kept readable: appended as is, since
     * AND binds tighter than anything but OR, or after parentheses when the query is an OR at its top.
     */
    static String refine(String query, String clause) {
        if (query == null || query.isBlank()) {
            return clause;
        }
        boolean topOr;
        try {
            topOr = SearchQuery.parse(query).root()
                    .map(r -> r instanceof QueryNode.AnyOf || r instanceof QueryNode.PositionalAnyOf).orElse(false);
        } catch (QueryParseException e) {
            topOr = true;
        }
        return topOr ? "(" + query.strip() + ") " + clause : query.strip() + " " + clause;
    }

    public void page(Context ctx) throws Exception {
        Outcome outcome = run(ctx, false);
        Map<String, Object> m = results(ctx, outcome);
        ctx.status(outcome.status());
        if ("results".equals(ctx.queryParam("part"))) {
            services.views().render(ctx, "search-results", m);
            return;
        }
        Locale locale = WebContext.preferences(ctx).locale();
        String user = WebContext.principal(ctx).name();
        m.put("sorts", Arrays.stream(SearchSort.values()).map(AnalystSearchPage::sortName).toList());
        m.put("saved", search.saved().of(user));
        m.put("formats", ExportActions.FORMATS.keySet());
        if (outcome.error() != null) {
            m.put("error", errorModel(outcome.query(), outcome.error(), locale));
        }
        SearchPage page = outcome.page();
        if (page != null && page.page() == 1) {
            m.put("total", page.total());
            m.put("facets", facets(outcome.query(), outcome.sort(), page));
            Map<String, Object> data = new HashMap<>();
            data.put("histogram", histogram(page.histogram()));
            m.put("pageData", json.writeValueAsString(data));
        } else {
            m.put("pageData", "{}");
        }
        services.views().render(ctx, "search", m);
    }

    /** The model of the results fragment, which the whole page includes. */
    private Map<String, Object> results(Context ctx, Outcome outcome) {
        Map<String, Object> m = new HashMap<>();
        m.put("q", outcome.query());
        m.put("sort", sortName(outcome.sort()));
        m.put("expired", outcome.expired());
        SearchPage page = outcome.page();
        if (page != null) {
            m.put("hits", page.hits().stream().map(HitView::of).toList());
            m.put("pageNumber", page.page());
            m.put("next", page.next() == null ? "" : page.next().encode());
        }
        return m;
    }

    public void json(Context ctx) throws Exception {
        Outcome outcome = run(ctx, true);
        Locale locale = WebContext.preferences(ctx).locale();
        ctx.status(outcome.status());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", outcome.status());
        out.put("query", outcome.query());
        out.put("sort", sortName(outcome.sort()));
        if (outcome.error() != null) {
            out.put("error", outcome.error().problem(locale));
            out.put("position", outcome.error().position());
            out.put("key", outcome.error().key());
        } else if (outcome.expired()) {
            out.put("error", io.vigie.dashboards.web.i18n.Messages.get(locale, "search.expired"));
            out.put("expired", true);
        } else {
            SearchPage page = outcome.page();
            out.put("page", page.page());
            if (page.page() == 1) {
                out.put("total", page.total());
            }
            out.put("hits", page.hits().stream().map(HitView::of).toList());
            if (page.page() == 1) {
                out.put("facets", facets(outcome.query(), outcome.sort(), page));
                out.put("histogram", page.histogram());
            }
            out.put("next", page.next() == null ? null : page.next().encode());
        }
        ctx.json(out);
    }

    /**
     * A facet value as a link that adds its clause to the query.
     *
     * @param applied the query already holds this clause as one of its words (the value is shown, not linked)
     */
    public record FacetLink(String value, long count, String clause, String query, boolean applied) {}

    /** One facet of the result set: the field as written in queries and its top values. */
    public record Facet(String field, List<FacetLink> values) {}

    static List<Facet> facets(String query, SearchSort sort, SearchPage page) {
        List<Facet> out = new ArrayList<>();
        page.facets().forEach((field, counts) -> out.add(new Facet(field.queryName(), counts.stream()
                .map(c -> new FacetLink(c.value(), c.count(), c.clause(), refine(query, c.clause()),
                        applied(query, c.clause()))).toList())));
        return out;
    }

    private static boolean applied(String query, String clause) {
        return (" " + query.replace('(', ' ').replace(')', ' ') + " ").contains(" " + clause + " ");
    }

    /** uPlot's columns: seconds since the epoch, then one count per series. */
    static Map<String, List<Number>> histogram(List<SearchPage.HistogramBucket> buckets) {
        Map<String, List<Number>> columns = new LinkedHashMap<>();
        for (String s : List.of("times", "total", "negative", "neutral", "positive")) {
            columns.put(s, new ArrayList<>());
        }
        for (SearchPage.HistogramBucket b : buckets) {
            columns.get("times").add(b.start().getEpochSecond());
            columns.get("total").add(b.count());
            columns.get("negative").add(b.negative());
            columns.get("neutral").add(b.neutral());
            columns.get("positive").add(b.positive());
        }
        return columns;
    }

    /** The query cut at the error's position, so the page can mark the character it points at. */
    static Map<String, Object> errorModel(String query, QueryParseException e, Locale locale) {
        int at = Math.max(0, Math.min(e.position(), query.length()));
        Map<String, Object> m = new HashMap<>();
        m.put("problem", e.problem(locale));
        m.put("position", e.position());
        m.put("column", at + 1);
        m.put("before", query.substring(0, at));
        m.put("at", at < query.length() ? query.substring(at, at + 1) : " ");
        m.put("after", at < query.length() ? query.substring(at + 1) : "");
        return m;
    }
}
