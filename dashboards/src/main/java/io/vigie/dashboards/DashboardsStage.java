package io.vigie.dashboards;

import io.vigie.runtime.service.Stage;
import io.vigie.runtime.service.StageContext;
import io.vigie.runtime.service.VigieService;
import java.util.List;

/** The dashboards stage as the launcher sees it. */
public final class DashboardsStage implements Stage {
    @Override
    public String name() {
        return "dashboards";
    }

    @Override
    public List<VigieService> services(StageContext context) {
        // TODO(vigie): the dashboards services are not built yet.
        return List.of();
    }
}
