package io.vigie.ingest;

import io.vigie.runtime.service.Stage;
import io.vigie.runtime.service.StageContext;
import io.vigie.runtime.service.VigieService;
import java.util.List;

/** The ingest stage as the launcher sees it: one feed-polling service. */
public final class IngestStage implements Stage {
    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public List<VigieService> services(StageContext context) {
        IngestConfig config = IngestConfig.bind(context.config());
        return List.of(new IngestService(config, context.kafka(), context.instanceId(), context.clock()));
    }
}
