package io.vigie.dashboards.web.auth;

/**
 * The person (or script) behind a request.
 *
 * @param csrfToken the token every state-changing request of this session must carry; empty for API tokens, whose
 *     requests carry no cookie and so cannot be forged by another site
 */
public record Principal(String name, Role role, String csrfToken, boolean viaApiToken) {
    public static final Principal NOBODY = new Principal("", Role.ANONYMOUS, "", false);

    public boolean signedIn() {
        return role != Role.ANONYMOUS;
    }

    public boolean may(Role required) {
        return role.covers(required);
    }

    /** For templates: may act on incidents and mentions. */
    public boolean responder() {
        return may(Role.RESPONDER);
    }

    /** For templates: may manage brands, sources, routes and users. */
    public boolean admin() {
        return may(Role.ADMIN);
    }
}
