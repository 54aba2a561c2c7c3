package io.vigie.dashboards;

import io.vigie.dashboards.index.MentionIndexer;
import io.vigie.dashboards.web.DashboardWeb;
import io.vigie.runtime.service.Stage;
import io.vigie.runtime.service.StageContext;
import io.vigie.runtime.service.VigieService;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboards stage as the launcher sees it: the indexer that keeps {@code vigie-mentions} in Elasticsearch
 * up to date with {@code mentions.scored}, and the live page that reads it.
 */
public final class DashboardsStage implements Stage {
    @Override
    public String name() {
        return "dashboards";
    }

    @Override
    public List<VigieService> services(StageContext context) {
        DashboardsConfig config = context.config().bind("dashboards", DashboardsConfig.class, DashboardsConfig.DEFAULTS);
        List<VigieService> services = new ArrayList<>();
        if (config.indexer().enabled()) {
            services.add(new MentionIndexer(config.indexer(), context.kafka(), context.elasticsearch(),
                    context.instanceId(), context.clock(), context.stageMetrics("dashboards")));
        }
        if (config.http().enabled()) {
            services.add(new DashboardWeb(config.http(), context.elasticsearch(), config.indexer().indexPrefix(),
                    context.clock()));
        }
        return services;
    }
}
