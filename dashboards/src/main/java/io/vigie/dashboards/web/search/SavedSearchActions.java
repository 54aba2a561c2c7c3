package io.vigie.dashboards.web.search;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.vigie.dashboards.search.SavedSearch;
import io.vigie.dashboards.search.SearchSort;
import io.vigie.dashboards.web.WebContext;
import io.vigie.query.QueryParseException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Saved searches from the search page: {@code POST /search/saved} (form: {@code name}, {@code q}, {@code sort})
 * saves one for the signed-in user; {@code GET /search/saved/{id}} is the share link, for anyone of the team, and
 * opens the search; {@code POST /search/saved/{id}/delete} deletes it, for its owner only;
 * {@code GET /api/search/saved} lists the user's own.
 */
public final class SavedSearchActions {
    private final SearchServices search;

    public SavedSearchActions(SearchServices search) {
        this.search = search;
    }

    public void save(Context ctx) throws Exception {
        String query = ctx.formParam("q") == null ? "" : ctx.formParam("q").strip();
        SearchSort sort = AnalystSearchPage.sort(ctx.formParam("sort"));
        SavedSearch saved;
        try {
            saved = search.saved().save(WebContext.principal(ctx).name(), ctx.formParam("name"), query, sort);
        } catch (QueryParseException e) {
            throw new BadRequestResponse(e.problem(WebContext.preferences(ctx).locale()) + " (" + e.position() + ")");
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        ctx.redirect(searchUrl(saved) + "&saved=" + saved.id(), HttpStatus.SEE_OTHER);
    }

    public void open(Context ctx) throws Exception {
        ctx.redirect(searchUrl(find(ctx.pathParam("id"))), HttpStatus.FOUND);
    }

    public void delete(Context ctx) throws Exception {
        SavedSearch saved = find(ctx.pathParam("id"));
        if (!saved.owner().equals(WebContext.principal(ctx).name())) {
            throw new ForbiddenResponse("only the one who saved a search may delete it");
        }
        search.saved().delete(saved.id(), saved.owner());
        ctx.redirect(searchUrl(saved), HttpStatus.SEE_OTHER);
    }

    public void mine(Context ctx) throws Exception {
        ctx.json(search.saved().of(WebContext.principal(ctx).name()));
    }

    private SavedSearch find(String id) throws Exception {
        Optional<SavedSearch> saved = search.saved().get(id);
        return saved.orElseThrow(() -> new NotFoundResponse("no saved search " + id));
    }

    static String searchUrl(SavedSearch s) {
        return "/search?q=" + URLEncoder.encode(s.query(), StandardCharsets.UTF_8) + "&sort="
                + AnalystSearchPage.sortName(s.sort() == null ? SearchSort.DATE : s.sort());
    }
}
