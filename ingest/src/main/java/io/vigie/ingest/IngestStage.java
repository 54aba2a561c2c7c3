package io.vigie.ingest;

import io.vigie.runtime.service.Stage;
import io.vigie.runtime.service.StageContext;
import io.vigie.runtime.service.VigieService;
import java.util.List;

/** The ingest stage as the launcher sees it. */
public final class IngestStage implements Stage {
    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public List<VigieService> services(StageContext context) {
        // TODO(vigie): the ingest services are not built yet.
        return List.of();
    }
}
