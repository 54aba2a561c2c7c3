package io.vigie.app;

import io.vigie.runtime.service.Stage;
import java.util.List;

/** Every pipeline stage, in start order: consumers of a topic start after nothing; order only shapes the logs. */
public final class Stages {
    private Stages() {}

    public static List<Stage> all() {
        return List.of(
                new io.vigie.ingest.IngestStage(),
                new io.vigie.analyze.AnalyzeStage(),
                new io.vigie.alerting.AlertingStage(),
                new io.vigie.dashboards.DashboardsStage());
    }
}
