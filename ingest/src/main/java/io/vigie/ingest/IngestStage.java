package io.vigie.ingest;

import io.vigie.ingest.push.PushEndpoint;
import io.vigie.runtime.service.Stage;
import io.vigie.runtime.service.StageContext;
import io.vigie.runtime.service.VigieService;
import java.util.List;

/** The ingest stage as the launcher sees it: the feed-polling service, and the push endpoint when enabled. */
public final class IngestStage implements Stage {
    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public List<VigieService> services(StageContext context) {
        IngestConfig config = IngestConfig.bind(context.config());
        IngestService poller = new IngestService(config, context.kafka(), context.instanceId(), context.clock(),
                context.stageMetrics(name()));
        if (!config.push().enabled()) {
            return List.of(poller);
        }
        return List.of(poller, new PushEndpoint(config.push(), context.kafka()));
    }
}
