/**
 * Incidents as the on-call desk sees them: the {@code incidents} topic followed live into an in-memory board per
 * instance ({@link io.vigie.dashboards.incidents.IncidentBoard}), and people's actions sent to alerting's brand
 * owner as {@link io.vigie.model.IncidentCommand}s on {@code incident.actions}, exactly as alerting's own API does,
 * with the owner's answer read back. Dashboards depends on no other stage: only the {@code model} records.
 */
package io.vigie.dashboards.incidents;
