package io.vigie.dashboards.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import io.vigie.dashboards.web.auth.ApiTokens;
import io.vigie.dashboards.web.auth.Principal;
import io.vigie.dashboards.web.auth.Role;
import io.vigie.dashboards.web.auth.SessionCookie;
import io.vigie.dashboards.web.i18n.UserPreferences;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.Set;

/**
 * The one check every matched route goes through, API and SSE included: who is asking (session cookie or API
 * token), whether their role covers the route's, and for a state change (POST, PUT, PATCH, DELETE) from a browser
 * session, whether it carries the session's CSRF token ({@code _csrf} form field or {@code X-CSRF-Token} header).
 * A route declared without a role is refused: forgetting the role fails closed.
 */
final class Access {
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<HandlerType> STATE_CHANGES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);

    private final SessionCookie sessions;
    private final ApiTokens tokens;
    private final ZoneId defaultZone;

    Access(SessionCookie sessions, ApiTokens tokens, ZoneId defaultZone) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.defaultZone = defaultZone;
    }

    /** Language and zone for every request, matched or not (error pages are translated too). */
    void preferences(Context ctx) {
        ctx.attribute(WebContext.PREFERENCES, UserPreferences.choose(ctx.cookie(UserPreferences.LANGUAGE_COOKIE),
                ctx.header("Accept-Language"), ctx.cookie(UserPreferences.ZONE_COOKIE), defaultZone));
    }

    void check(Context ctx) {
        Principal principal = identify(ctx);
        ctx.attribute(WebContext.PRINCIPAL, principal);
        Role required = required(ctx.routeRoles());
        if (!principal.may(required)) {
            if (principal.signedIn()) {
                throw new ForbiddenResponse("your role (" + principal.role().configName() + ") may not do this");
            }
            if (WebContext.isApi(ctx) || ctx.method() != HandlerType.GET) {
                throw new UnauthorizedResponse("sign in or send an API token");
            }
            ctx.redirect("/signin?next=" + URLEncoder.encode(ctx.fullUrl().substring(ctx.fullUrl().indexOf(ctx.path())),
                    StandardCharsets.UTF_8));
            ctx.skipRemainingHandlers();
            return;
        }
        if (STATE_CHANGES.contains(ctx.method()) && principal.signedIn() && !principal.viaApiToken()
                && !csrfMatches(ctx, principal.csrfToken())) {
            throw new ForbiddenResponse("missing or wrong CSRF token");
        }
    }

    private static Role required(Set<RouteRole> roles) {
        Role required = null;
        for (RouteRole r : roles) {
            if (r instanceof Role role && (required == null || role.compareTo(required) < 0)) {
                required = role;
            }
        }
        // No role declared: admin only, so a forgotten role never opens a route.
        return required == null ? Role.ADMIN : required;
    }

    private Principal identify(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return tokens.principalFor(auth.substring(7)).orElseThrow(() -> new UnauthorizedResponse("unknown API token"));
        }
        return sessions.read(ctx.cookie(SessionCookie.NAME)).orElse(Principal.NOBODY);
    }

    static boolean csrfMatches(Context ctx, String expected) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null && isForm(ctx)) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        return sent != null && !expected.isEmpty()
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }
}
