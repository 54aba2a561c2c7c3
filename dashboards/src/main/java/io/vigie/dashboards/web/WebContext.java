package io.vigie.dashboards.web;

import io.javalin.http.Context;
import io.vigie.dashboards.web.auth.Principal;
import io.vigie.dashboards.web.i18n.UserPreferences;
import java.time.ZoneId;

/** What the central checks attach to each request, for handlers to read. */
public final class WebContext {
    static final String PRINCIPAL = "vigie.principal";
    static final String PREFERENCES = "vigie.preferences";

    private WebContext() {}

    /** The signed-in user (or script), {@link Principal#NOBODY} on anonymous routes. */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        return p == null ? Principal.NOBODY : p;
    }

    /** The request's language and time zone. */
    public static UserPreferences preferences(Context ctx) {
        UserPreferences p = ctx.attribute(PREFERENCES);
        return p == null ? new UserPreferences(java.util.Locale.ENGLISH, ZoneId.of("UTC")) : p;
    }

    /** True when the request arrived over https, directly or through a proxy that says so. */
    public static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    /** True for the JSON routes, which answer 401/403 as JSON rather than redirect to the sign-in page. */
    public static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }
}
