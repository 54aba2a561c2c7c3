package io.vigie.dashboards;

import io.vigie.dashboards.index.IndexerSettings;

/**
 * The {@code dashboards:} section of the configuration.
 *
 * @param indexer how mentions are indexed into Elasticsearch
 */
public record DashboardsConfig(IndexerSettings indexer) {
    public static final DashboardsConfig DEFAULTS = new DashboardsConfig(null);

    public DashboardsConfig {
        indexer = indexer == null ? IndexerSettings.DEFAULTS : indexer;
    }
}
