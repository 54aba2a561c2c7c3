package io.vigie.dashboards.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/** Every cookie the dashboards set: HttpOnly, SameSite, Secure over https (or when configured). */
final class Cookies {
    private final boolean alwaysSecure;

    Cookies(boolean alwaysSecure) {
        this.alwaysSecure = alwaysSecure;
    }

    void set(Context ctx, String name, String value, int maxAgeSeconds, SameSite sameSite) {
        Cookie c = new Cookie(name, value);
        c.setPath("/");
        c.setMaxAge(maxAgeSeconds);
        c.setHttpOnly(true);
        c.setSecure(alwaysSecure || WebContext.secure(ctx));
        c.setSameSite(sameSite);
        ctx.cookie(c);
    }

    void delete(Context ctx, String name) {
        set(ctx, name, "", 0, SameSite.LAX);
    }
}
