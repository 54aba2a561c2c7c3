package io.vigie.dashboards.web.auth;

import io.javalin.security.RouteRole;
import java.util.Locale;

/** What a signed-in person may do; each role may do everything the ones before it may. */
public enum Role implements RouteRole {
    /** Anyone, signed in or not: the sign-in page, static files, health. */
    ANONYMOUS,
    /** Reads every page. */
    VIEWER,
    /** Acts on incidents and mentions (acknowledge, resolve, tag). */
    RESPONDER,
    /** Manages brands, sources, routes and users. */
    ADMIN;

    public boolean covers(Role required) {
        return compareTo(required) >= 0;
    }

    /** The role named in the configuration ({@code viewer}, {@code responder}, {@code admin}). */
    public static Role named(String name) {
        try {
            Role role = valueOf(name.trim().toUpperCase(Locale.ROOT));
            if (role == ANONYMOUS) {
                throw new IllegalArgumentException();
            }
            return role;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + name + "': choose viewer, responder or admin");
        }
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
