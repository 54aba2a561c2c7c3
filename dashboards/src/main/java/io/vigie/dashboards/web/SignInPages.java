package io.vigie.dashboards.web;

import io.javalin.http.Context;
import io.javalin.http.SameSite;
import io.vigie.dashboards.web.auth.Accounts;
import io.vigie.dashboards.web.auth.Role;
import io.vigie.dashboards.web.auth.SessionCookie;
import io.vigie.dashboards.web.auth.SignInThrottle;
import io.vigie.dashboards.web.i18n.UserPreferences;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in, sign-out and the language switch. The sign-in form has no session yet, so it is protected from
 * cross-site posting by a double-submit token: a random value in a SameSite=Strict cookie and in the form.
 */
final class SignInPages {
    private static final Logger log = LoggerFactory.getLogger(SignInPages.class);
    static final String PRE_SIGN_IN_COOKIE = "vigie_signin";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Views views;
    private final Accounts accounts;
    private final SessionCookie sessions;
    private final SignInThrottle throttle;
    private final Cookies cookies;
    private final String oidcProviderName;

    /** @param oidcProviderName the OpenID Connect provider offered next to the form, or null for none */
    SignInPages(Views views, Accounts accounts, SessionCookie sessions, Cookies cookies, Clock clock,
            String oidcProviderName) {
        this.views = views;
        this.oidcProviderName = oidcProviderName;
        this.accounts = accounts;
        this.sessions = sessions;
        this.cookies = cookies;
        this.throttle = new SignInThrottle(5, Duration.ofMinutes(5), clock);
    }

    void form(Context ctx) {
        showForm(ctx, null, 200);
    }

    /** The sign-in page, with the message of {@code errorKey} when not null (also how OIDC refusals are shown). */
    void showForm(Context ctx, String errorKey, int status) {
        // The same token while the cookie lives: a second sign-in tab (or a browser fetching the page twice) must not
        // make the first form stale.
        String token = ctx.cookie(PRE_SIGN_IN_COOKIE);
        if (token == null || !token.matches("[A-Za-z0-9_-]{24}")) {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        cookies.set(ctx, PRE_SIGN_IN_COOKIE, token, 3600, SameSite.STRICT);
        Map<String, Object> model = new HashMap<>();
        model.put("signinToken", token);
        model.put("next", safeNext(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next")));
        model.put("error", errorKey);
        model.put("oidcProvider", oidcProviderName);
        model.put("name", Optional.ofNullable(ctx.formParam("name")).orElse(""));
        DashboardWeb.noStore(ctx);
        ctx.status(status);
        views.render(ctx, "signin", model);
    }

    void submit(Context ctx) {
        String cookie = ctx.cookie(PRE_SIGN_IN_COOKIE);
        String sent = ctx.formParam(Access.CSRF_FIELD);
        if (cookie == null || sent == null
                || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            log.info("event=signin_form_refused reason={} ip={}", cookie == null ? "no_cookie" : sent == null ? "no_token"
                    : "token_mismatch", ctx.ip());
            showForm(ctx, "signin.expired", 403);
            return;
        }
        // No line breaks or control characters: the name goes into one-line log records (and matches no account).
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").trim()
                .replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]", "?");
        String userKey = "user:" + name;
        String ipKey = "ip:" + ctx.ip();
        if (!throttle.allows(userKey, ipKey)) {
            log.info("event=signin_throttled user=\"{}\" ip={}", name.replace('"', '\''), ctx.ip());
            showForm(ctx, "signin.throttled", 429);
            return;
        }
        Optional<Role> role = accounts.check(name, ctx.formParam("password"));
        if (role.isEmpty()) {
            throttle.failed(userKey, ipKey);
            log.info("event=signin_failed user=\"{}\" ip={}", name.replace('"', '\''), ctx.ip());
            showForm(ctx, "signin.wrong", 401);
            return;
        }
        throttle.succeeded(userKey);
        cookies.set(ctx, SessionCookie.NAME, sessions.issue(name, role.get()), (int) sessions.lifetime().toSeconds(), SameSite.LAX);
        cookies.delete(ctx, PRE_SIGN_IN_COOKIE);
        log.info("event=signin user=\"{}\" role={}", name.replace('"', '\''), role.get().configName());
        ctx.redirect(safeNext(ctx.formParam("next")));
    }

    void signOut(Context ctx) {
        cookies.delete(ctx, SessionCookie.NAME);
        ctx.redirect("/signin");
    }

    /** {@code /lang/{code}?back=/path}: remembers the language in a cookie, a display preference only. */
    void language(Context ctx) {
        if (UserPreferences.supported(ctx.pathParam("code")) != null) {
            cookies.set(ctx, UserPreferences.LANGUAGE_COOKIE, ctx.pathParam("code"), 365 * 24 * 3600, SameSite.LAX);
        }
        ctx.redirect(safeNext(ctx.queryParam("back")));
    }

    /** {@code POST /prefs/zone}: the time zone pages show times in. */
    void zone(Context ctx) {
        String zone = ctx.formParam("zone");
        try {
            java.time.ZoneId.of(zone == null ? "" : zone);
            cookies.set(ctx, UserPreferences.ZONE_COOKIE, zone, 365 * 24 * 3600, SameSite.LAX);
        } catch (java.time.DateTimeException e) {
            throw new io.javalin.http.BadRequestResponse("unknown time zone");
        }
        ctx.redirect(safeNext(ctx.formParam("back")));
    }

    /** Only a path of this site: never {@code //evil.example} nor {@code https://...}, so no open redirect. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.contains("\r")
                || next.contains("\n")) {
            return "/";
        }
        return next;
    }
}
