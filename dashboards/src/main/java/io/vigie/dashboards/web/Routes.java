package io.vigie.dashboards.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vigie.dashboards.web.auth.OidcProvider;
import io.vigie.dashboards.web.auth.Role;
import io.vigie.dashboards.web.brand.BrandPage;
import io.vigie.dashboards.web.desk.DeskLive;
import io.vigie.dashboards.web.desk.DeskPage;
import io.vigie.dashboards.web.desk.DeskServices;
import io.vigie.dashboards.web.desk.IncidentsPage;
import io.vigie.dashboards.web.live.LiveRoute;
import io.vigie.dashboards.web.mention.MentionPage;
import io.vigie.dashboards.web.overview.OverviewPage;
import io.vigie.dashboards.web.search.AnalystSearchPage;
import io.vigie.dashboards.web.search.ExportActions;
import io.vigie.dashboards.web.search.SavedSearchActions;
import io.vigie.dashboards.web.search.SearchServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route of the dashboards, with the role it needs, in one place. {@link Access} checks the role of each
 * request centrally (API and live channel included) and the CSRF token of each state change; handlers only do
 * their job. To add a page: build its handler class with {@link PageServices}, add one line here.
 */
final class Routes {
    private static final Logger log = LoggerFactory.getLogger(Routes.class);

    /** One declared route, listed by {@link #table()} (tests check every route has a role). */
    record Declared(String method, String path, Role role) {}

    private final PageServices services;
    private final WebSetup setup;
    private final List<Declared> table = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong cspReports = new java.util.concurrent.atomic.AtomicLong();

    private final DeskServices desk;
    private final DeskLive deskLive = new DeskLive();
    private final SearchServices search;

    /**
     * @param desk the response desk and incidents, or null for an instance without them
     * @param search the analysts' search, saved searches and exports
     */
    Routes(PageServices services, WebSetup setup, DeskServices desk, SearchServices search) {
        this.services = services;
        this.setup = setup;
        this.desk = desk;
        this.search = search;
        if (desk != null) {
            desk.responses().addListener(deskLive::changed);
        }
    }

    void declare(Javalin app) {
        Cookies cookies = new Cookies(setup.secureCookies());
        SignInPages signIn = new SignInPages(services.views(), setup.accounts(), setup.sessions(), cookies, services.clock(),
                setup.oidc() == null ? null : setup.oidc().displayName());
        MentionSearch tiles = new MentionSearch(services.elasticsearch(), services.alias());
        AnalystSearchPage searchPage = new AnalystSearchPage(services, search);
        SavedSearchActions saved = new SavedSearchActions(search);
        ExportActions exports = new ExportActions(search);
        OverviewPage overview = new OverviewPage(services);
        BrandPage brand = new BrandPage(services);
        MentionPage mention = new MentionPage(services);
        LiveRoute live = new LiveRoute(services.hub());

        // Anyone.
        get(app, "/health", ctx -> ctx.result("ok"), Role.ANONYMOUS);
        get(app, "/signin", signIn::form, Role.ANONYMOUS);
        post(app, "/signin", signIn::submit, Role.ANONYMOUS);
        if (setup.oidc() != null) {
            // OpenID Connect (dashboards.oidc): off to the provider, and back with a code.
            OidcSignInPages oidc = new OidcSignInPages(setup.oidc(), setup.sessions(), cookies, signIn);
            get(app, "/signin/oidc", oidc::start, Role.ANONYMOUS);
            get(app, OidcProvider.CALLBACK_PATH, oidc::callback, Role.ANONYMOUS);
        }
        get(app, "/lang/{code}", signIn::language, Role.ANONYMOUS);
        post(app, "/csp-report", this::cspReport, Role.ANONYMOUS);

        // Viewers: every page and its JSON.
        post(app, "/signout", signIn::signOut, Role.VIEWER);
        post(app, "/prefs/zone", signIn::zone, Role.VIEWER);
        get(app, "/", overview::page, Role.VIEWER);
        get(app, "/api/overview", overview::json, Role.VIEWER);
        get(app, "/brands/{brand}", brand::page, Role.VIEWER);
        get(app, "/api/brands/{brand}", brand::json, Role.VIEWER);
        get(app, "/mentions/{id}", mention::page, Role.VIEWER);
        get(app, "/api/mentions/{id}", mention::json, Role.VIEWER);
        get(app, "/api/brands", ctx -> ctx.json(tiles.brandTiles()), Role.VIEWER);
        // The analysts' search (issue 14): viewers search, save, share and export (each export is logged).
        get(app, "/search", searchPage::page, Role.VIEWER);
        get(app, "/api/search", searchPage::json, Role.VIEWER);
        post(app, "/search/saved", saved::save, Role.VIEWER);
        get(app, "/search/saved/{id}", saved::open, Role.VIEWER);
        post(app, "/search/saved/{id}/delete", saved::delete, Role.VIEWER);
        get(app, "/api/search/saved", saved::mine, Role.VIEWER);
        post(app, "/api/search/exports", exports::start, Role.VIEWER);
        get(app, "/api/search/exports/{id}", exports::status, Role.VIEWER);
        post(app, "/api/search/exports/{id}/cancel", exports::cancel, Role.VIEWER);
        get(app, "/search/exports/{id}/download", exports::download, Role.VIEWER);
        get(app, "/api/me", ctx -> ctx.json(Map.of("name", WebContext.principal(ctx).name(),
                "role", WebContext.principal(ctx).role().configName())), Role.VIEWER);
        app.sse("/live", live::open, Role.VIEWER);
        table.add(new Declared("SSE", "/live", Role.VIEWER));

        // Responders: acting on mentions.
        post(app, "/mentions/{id}/flags", mention::flag, Role.RESPONDER);

        if (desk != null) {
            declareDesk(app);
        }
    }

    /** The response desk and incidents (w15): viewers see, responders act, admins edit templates. */
    private void declareDesk(Javalin app) {
        DeskPage deskPage = new DeskPage(services, desk);
        IncidentsPage incidents = new IncidentsPage(services, desk);
        get(app, "/desk", deskPage::page, Role.VIEWER);
        get(app, "/api/desk", deskPage::json, Role.VIEWER);
        get(app, "/api/desk/authors", deskPage::author, Role.VIEWER);
        get(app, "/api/desk/templates", deskPage::templates, Role.VIEWER);
        app.sse("/desk/live", deskLive::open, Role.VIEWER);
        table.add(new Declared("SSE", "/desk/live", Role.VIEWER));
        post(app, "/api/desk/{id}/{action}", deskPage::act, Role.RESPONDER);
        get(app, "/desk/templates", deskPage::templatesPage, Role.VIEWER);
        post(app, "/desk/templates", deskPage::saveTemplateForm, Role.ADMIN);
        post(app, "/desk/templates/delete", deskPage::deleteTemplateForm, Role.ADMIN);
        post(app, "/api/desk/templates", deskPage::saveTemplate, Role.ADMIN);
        post(app, "/api/desk/templates/{brand}/{language}/{template}/delete", deskPage::deleteTemplate, Role.ADMIN);
        get(app, "/incidents", incidents::page, Role.VIEWER);
        get(app, "/incidents/{id}", incidents::detail, Role.VIEWER);
        get(app, "/api/incidents", incidents::json, Role.VIEWER);
        get(app, "/api/incidents/{id}", incidents::one, Role.VIEWER);
        post(app, "/api/incidents/{id}/{action}", incidents::act, Role.RESPONDER);
    }

    /** Content-Security-Policy violations reported by browsers since the start (each one is also logged). */
    long cspReports() {
        return cspReports.get();
    }

    List<Declared> table() {
        return List.copyOf(table);
    }

    private void get(Javalin app, String path, io.javalin.http.Handler handler, Role role) {
        app.get(path, handler, role);
        table.add(new Declared("GET", path, role));
    }

    private void post(Javalin app, String path, io.javalin.http.Handler handler, Role role) {
        app.post(path, handler, role);
        table.add(new Declared("POST", path, role));
    }

    /** Violations the browsers report: logged, one line each, so a test or an operator sees a page break the CSP. */
    private void cspReport(Context ctx) {
        String body = ctx.body();
        log.warn("event=csp_violation report=\"{}\"", body.substring(0, Math.min(body.length(), 2000)).replace('"', '\''));
        cspReports.incrementAndGet();
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** An error as a page (or JSON for the API), in the user's language. */
    void error(Context ctx, int status, String message) {
        ctx.status(status);
        if (WebContext.isApi(ctx)) {
            ctx.json(Map.of("status", status, "error", message == null ? "" : message));
            return;
        }
        try {
            services.views().render(ctx, "error", Map.of("status", status, "message", message == null ? "" : message));
        } catch (RuntimeException e) {
            // The error page itself failed: plain text, never a loop through the error handler.
            log.error("event=error_page_failed status={}", status, e);
            ctx.contentType("text/plain; charset=utf-8").result(status + " " + (message == null ? "" : message));
        }
    }
}
