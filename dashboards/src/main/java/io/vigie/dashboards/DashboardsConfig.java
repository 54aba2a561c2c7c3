package io.vigie.dashboards;

import io.vigie.dashboards.index.IndexerSettings;

/**
 * The {@code dashboards:} section of the configuration.
 *
 * @param indexer how mentions are indexed into Elasticsearch
 * @param http where the live page listens ({@code vigie local --http-port} sets {@code dashboards.http.port})
 */
public record DashboardsConfig(IndexerSettings indexer, Http http) {
    public static final DashboardsConfig DEFAULTS = new DashboardsConfig(null, null);

    public DashboardsConfig {
        indexer = indexer == null ? IndexerSettings.DEFAULTS : indexer;
        http = http == null ? Http.DEFAULTS : http;
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
