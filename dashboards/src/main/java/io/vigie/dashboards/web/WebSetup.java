package io.vigie.dashboards.web;

import io.vigie.dashboards.DashboardsConfig;
import io.vigie.dashboards.web.auth.Accounts;
import io.vigie.dashboards.web.auth.ApiTokens;
import io.vigie.dashboards.web.auth.OidcProvider;
import io.vigie.dashboards.web.auth.SessionCookie;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Everything the web server is configured with, resolved: accounts, API tokens, the session signer.
 *
 * @param secureCookies mark cookies Secure even on plain http (TLS ends at a proxy that does not say so)
 * @param oidc the OpenID Connect provider offered next to the password form, or null for password sign-in only
 */
public record WebSetup(DashboardsConfig.Http http, Accounts accounts, ApiTokens tokens, SessionCookie sessions,
        ZoneId zone, Map<String, List<String>> competitorSets, boolean secureCookies, OidcProvider oidc) {

    /** Password sign-in only. */
    public WebSetup(DashboardsConfig.Http http, Accounts accounts, ApiTokens tokens, SessionCookie sessions, ZoneId zone,
            Map<String, List<String>> competitorSets, boolean secureCookies) {
        this(http, accounts, tokens, sessions, zone, competitorSets, secureCookies, null);
    }
}
