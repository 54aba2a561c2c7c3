package io.vigie.alerting;

import io.vigie.runtime.service.Stage;
import io.vigie.runtime.service.StageContext;
import io.vigie.runtime.service.VigieService;
import java.util.List;

/** The alerting stage as the launcher sees it. */
public final class AlertingStage implements Stage {
    @Override
    public String name() {
        return "alerting";
    }

    @Override
    public List<VigieService> services(StageContext context) {
        // TODO(vigie): the alerting services are not built yet.
        return List.of();
    }
}
