package io.vigie.runtime.service;

import java.util.List;

/**
 * One pipeline stage (ingest, analyze, alerting, dashboards) as the launcher sees it: from the configuration and
 * connections, the services to run. {@code vigie local} and {@code vigie run} start every stage's services;
 * {@code vigie ingest} and the like start one stage's alone.
 */
public interface Stage {

    /** "ingest", "analyze", "alerting" or "dashboards". */
    String name();

    /**
     * Binds and validates this stage's section of the configuration (throwing a
     * {@link io.vigie.runtime.config.ConfigException} that names key and line), then builds its services,
     * not yet started.
     */
    List<VigieService> services(StageContext context);
}
