package io.vigie.model;

import java.time.Instant;
import java.util.List;

/**
 * The current state of one incident: the value of the compacted {@code incidents} topic, keyed by incident id.
 * The latest record is the truth; {@code history} keeps who did what and when.
 *
 * @param summary one line, e.g. "negative mentions 12x expected since 14:05"
 */
public record IncidentEvent(
        int schemaVersion,
        String incidentId,
        String brand,
        SignalKind kind,
        Severity severity,
        IncidentStatus status,
        Instant openedAt,
        Instant updatedAt,
        Instant resolvedAt,
        double observed,
        double expected,
        String summary,
        List<String> signalIds,
        List<String> topMentionIds,
        List<IncidentAction> history) {

    public IncidentEvent {
        schemaVersion = Schema.version(schemaVersion);
        Schema.required(incidentId, "incidentId");
        Schema.required(brand, "brand");
        Schema.required(kind, "kind");
        Schema.required(severity, "severity");
        Schema.required(status, "status");
        Schema.required(openedAt, "openedAt");
        summary = Schema.text(summary);
        signalIds = Schema.list(signalIds);
        topMentionIds = Schema.list(topMentionIds);
        history = Schema.list(history);
    }
}
