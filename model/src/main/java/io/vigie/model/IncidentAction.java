package io.vigie.model;

import java.time.Instant;

/**
 * Something a person or Vigie did to an incident: opened, updated, acknowledged, resolved, reopened, noted,
 * escalated, notified.
 */
public record IncidentAction(String action, String actor, Instant at, String note) {
    public IncidentAction {
        Schema.required(action, "action");
        Schema.required(at, "at");
    }
}
