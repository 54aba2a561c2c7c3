package io.vigie.dashboards.web;

import io.javalin.http.Context;
import io.javalin.http.SameSite;
import io.vigie.dashboards.web.auth.OidcProvider;
import io.vigie.dashboards.web.auth.SessionCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Sign in with ..." ({@code dashboards.oidc}): {@code GET /signin/oidc} sends the browser to the provider,
 * {@code GET /signin/oidc/callback} takes it back and, when all checks pass, gives the same session cookie as the
 * password form. What the callback checks against (state, nonce, PKCE verifier, where to go next) travels in a
 * cookie sealed with the session secret for ten minutes, so any instance behind a load balancer can finish a
 * sign-in another one began. A refusal shows the sign-in page with the reason in the user's language.
 */
final class OidcSignInPages {
    private static final Logger log = LoggerFactory.getLogger(OidcSignInPages.class);
    static final String STATE_COOKIE = "vigie_oidc";
    private static final String PURPOSE = "oidc-state";
    private static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

    /** What the callback needs to check and finish a sign-in; the fields are base64url or a path, never a '\n'. */
    private record Pending(String state, String nonce, String codeVerifier, String next) {
        String encoded() {
            return String.join("\n", state, nonce, codeVerifier, next);
        }

        static Optional<Pending> decoded(String s) {
            String[] parts = s.split("\n", -1);
            return parts.length == 4 ? Optional.of(new Pending(parts[0], parts[1], parts[2], parts[3])) : Optional.empty();
        }
    }

    private final OidcProvider provider;
    private final SessionCookie sessions;
    private final Cookies cookies;
    private final SignInPages signIn;

    OidcSignInPages(OidcProvider provider, SessionCookie sessions, Cookies cookies, SignInPages signIn) {
        this.provider = provider;
        this.sessions = sessions;
        this.cookies = cookies;
        this.signIn = signIn;
    }

    void start(Context ctx) {
        OidcProvider.Authorization authorization;
        try {
            authorization = provider.begin();
        } catch (OidcProvider.SignInRefused e) {
            refused(ctx, e);
            return;
        }
        Pending pending = new Pending(authorization.state(), authorization.nonce(), authorization.codeVerifier(),
                SignInPages.safeNext(ctx.queryParam("next")));
        // Lax, not Strict: the provider's redirect back is a cross-site navigation, which Strict cookies miss.
        cookies.set(ctx, STATE_COOKIE, sessions.seal(PURPOSE, pending.encoded(), STATE_LIFETIME),
                (int) STATE_LIFETIME.toSeconds(), SameSite.LAX);
        DashboardWeb.noStore(ctx);
        ctx.redirect(authorization.redirect().toString());
    }

    void callback(Context ctx) {
        Optional<Pending> pending = sessions.unseal(PURPOSE, ctx.cookie(STATE_COOKIE)).flatMap(Pending::decoded);
        // One use: whatever happens next, this state is spent.
        cookies.delete(ctx, STATE_COOKIE);
        try {
            String state = ctx.queryParam("state");
            if (pending.isEmpty()) {
                throw new OidcProvider.SignInRefused(OidcProvider.Refusal.BAD_STATE,
                        ctx.cookie(STATE_COOKIE) == null ? "no state cookie" : "state cookie forged or expired");
            }
            if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                    pending.get().state().getBytes(StandardCharsets.UTF_8))) {
                throw new OidcProvider.SignInRefused(OidcProvider.Refusal.BAD_STATE, "state does not match");
            }
            if (ctx.queryParam("error") != null) {
                throw new OidcProvider.SignInRefused(OidcProvider.Refusal.PROVIDER_REFUSED,
                        "error=" + oneWord(ctx.queryParam("error")));
            }
            String code = ctx.queryParam("code");
            if (code == null || code.isBlank()) {
                throw new OidcProvider.SignInRefused(OidcProvider.Refusal.PROVIDER_REFUSED, "no code");
            }
            OidcProvider.SignedIn user = provider.finish(code, pending.get().codeVerifier(), pending.get().nonce());
            cookies.set(ctx, SessionCookie.NAME, sessions.issue(user.name(), user.role()),
                    (int) sessions.lifetime().toSeconds(), SameSite.LAX);
            // The name comes from the provider's signed token, but it is still outside text: one log line, always.
            log.info("event=signin via=oidc user=\"{}\" role={}", user.name().replace('"', '\'')
                    .replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]", "?"), user.role().configName());
            DashboardWeb.noStore(ctx);
            ctx.redirect(pending.get().next());
        } catch (OidcProvider.SignInRefused e) {
            refused(ctx, e);
        }
    }

    private void refused(Context ctx, OidcProvider.SignInRefused e) {
        String detail = String.valueOf(e.getMessage()).replace('"', '\'').replace('\n', ' ');
        log.info("event=oidc_signin_refused reason={} detail=\"{}\" ip={}", e.refusal.name().toLowerCase(java.util.Locale.ROOT),
                detail, ctx.ip());
        signIn.showForm(ctx, e.refusal.messageKey, e.refusal.status);
    }

    /** An error code from the query, kept to its word characters so the log line stays one line and honest. */
    private static String oneWord(String s) {
        String w = s.replaceAll("[^A-Za-z0-9_.-]", "");
        return w.substring(0, Math.min(w.length(), 64));
    }
}
