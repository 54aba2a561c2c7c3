package io.vigie.dashboards;

import io.vigie.dashboards.index.IndexerSettings;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The {@code dashboards:} section of the configuration.
 *
 * @param indexer how mentions are indexed into Elasticsearch
 * @param http where the live page listens ({@code vigie local --http-port} sets {@code dashboards.http.port})
 * @param users accounts (bcrypt password hashes only, made by {@code vigie users hash}); when empty, an admin
 *     account with a generated password is created under the state directory and its password printed once
 * @param apiTokens tokens for scripts ({@code Authorization: Bearer ...}), stored as SHA-256 hashes
 *     ({@code vigie users token} makes one)
 * @param competitorSets named groups of brand ids compared by share of voice, e.g. {@code cycling: [kryptonite, abus]}
 * @param session how sign-in cookies are signed and how long they last
 * @param timeZone the time zone pages show times in until a user picks another
 * @param oidc OpenID Connect sign-in next to the password form, or null for password sign-in only
 */
public record DashboardsConfig(IndexerSettings indexer, Http http, List<WebSettings.User> users,
        List<WebSettings.ApiToken> apiTokens, Map<String, List<String>> competitorSets, WebSettings.Session session,
        String timeZone, WebSettings.Oidc oidc) {
    public static final DashboardsConfig DEFAULTS = new DashboardsConfig(null, null, null, null, null, null, null, null);

    public DashboardsConfig {
        indexer = indexer == null ? IndexerSettings.DEFAULTS : indexer;
        http = http == null ? Http.DEFAULTS : http;
        users = users == null ? List.of() : List.copyOf(users);
        apiTokens = apiTokens == null ? List.of() : List.copyOf(apiTokens);
        competitorSets = competitorSets == null ? Map.of() : Map.copyOf(competitorSets);
        session = session == null ? WebSettings.Session.DEFAULTS : session;
        timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
        ZoneId.of(timeZone);
    }

    /**
     * @param enabled false to serve no page (e.g. extra instances that only index)
     * @param host the address to bind, {@code 0.0.0.0} for every interface
     * @param port the TCP port; 0 lets the system choose
     */
    public record Http(Boolean enabled, String host, Integer port) {
        public static final Http DEFAULTS = new Http(null, null, null);

        public Http {
            enabled = enabled == null || enabled;
            host = host == null || host.isBlank() ? "0.0.0.0" : host;
            port = port == null ? 8080 : port;
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in 0..65535, got " + port);
            }
        }
    }
}
