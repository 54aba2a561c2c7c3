package io.vigie.analyze;

import io.vigie.runtime.service.Stage;
import io.vigie.runtime.service.StageContext;
import io.vigie.runtime.service.VigieService;
import java.util.List;

/** The analyze stage as the launcher sees it. */
public final class AnalyzeStage implements Stage {
    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public List<VigieService> services(StageContext context) {
        // TODO(vigie): the analyze services are not built yet.
        return List.of();
    }
}
