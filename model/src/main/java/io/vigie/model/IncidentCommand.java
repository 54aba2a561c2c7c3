package io.vigie.model;

import java.time.Instant;

/**
 * A person's action on an incident (acknowledge, resolve, reopen, note) on its way to the alerting instance that
 * owns the incident's brand, and that instance's answer: the value of the {@code incident.actions} topic, keyed by
 * brand id like {@code signals}, so the instance reading a brand's signals also reads its actions. Any instance
 * may receive the HTTP call; only the owner changes the incident, so two people acting at once never overwrite
 * each other.
 *
 * @param commandId unique per request; the answer carries the same id
 * @param action the history action name: acknowledged, resolved, reopened, note
 * @param outcome null for a request; APPLIED or REJECTED for the owner's answer
 * @param error why it was rejected (REJECTED only)
 * @param errorKind NOT_FOUND, CONFLICT or BAD_REQUEST (REJECTED only), so the API answers 404, 409 or 400
 * @param incident the incident after the action (APPLIED only)
 */
public record IncidentCommand(
        int schemaVersion,
        String commandId,
        String incidentId,
        String brand,
        String action,
        String actor,
        String note,
        Instant requestedAt,
        String outcome,
        String error,
        String errorKind,
        IncidentEvent incident) {

    public static final String APPLIED = "APPLIED";
    public static final String REJECTED = "REJECTED";

    public IncidentCommand {
        schemaVersion = Schema.version(schemaVersion);
        Schema.required(commandId, "commandId");
        Schema.required(incidentId, "incidentId");
        Schema.required(brand, "brand");
        Schema.required(action, "action");
        Schema.required(requestedAt, "requestedAt");
    }

    public boolean isAnswer() {
        return outcome != null;
    }

    public IncidentCommand applied(IncidentEvent result) {
        return new IncidentCommand(schemaVersion, commandId, incidentId, brand, action, actor, note, requestedAt,
                APPLIED, null, null, result);
    }

    public IncidentCommand rejected(String kind, String why) {
        return new IncidentCommand(schemaVersion, commandId, incidentId, brand, action, actor, note, requestedAt,
                REJECTED, why, kind, null);
    }
}
