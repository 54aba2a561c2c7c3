package io.vigie.alerting;

import io.vigie.runtime.service.Stage;
import io.vigie.runtime.service.StageContext;
import io.vigie.runtime.service.VigieService;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The alerting stage as the launcher sees it: binds and checks {@code alerting:}, then builds its services. */
public final class AlertingStage implements Stage {
    private static final Logger log = LoggerFactory.getLogger(AlertingStage.class);

    @Override
    public String name() {
        return "alerting";
    }

    @Override
    public List<VigieService> services(StageContext context) {
        AlertingConfig config = context.config().bind("alerting", AlertingConfig.class, AlertingConfig.defaults());
        AlertingConfigCheck.check(config, context.config()::error);
        if (config.receivers().isEmpty()) {
            log.warn("service=alerting event=no-receivers incidents are tracked but nobody is notified");
        }
        return Alerting.build(config, context.kafka(), context.clock(), "vigie-alerting", Duration.ofSeconds(1),
                        context.stageMetrics(name())).services();
    }
}
