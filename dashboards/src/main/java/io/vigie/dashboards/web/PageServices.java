package io.vigie.dashboards.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vigie.dashboards.web.live.LiveFeed;
import io.vigie.dashboards.web.live.LiveHub;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What a page's handlers are built with: templates, Elasticsearch (and the {@code vigie-mentions} alias), the live
 * feed (watched brands, open incidents) and its hub, the competitor sets and the clock.
 *
 * @param feed null when the instance runs without Kafka (then pages show history only)
 */
public record PageServices(Views views, ElasticsearchClient elasticsearch, String alias, LiveFeed feed, LiveHub hub,
        Map<String, List<String>> competitorSets, Clock clock) {}
