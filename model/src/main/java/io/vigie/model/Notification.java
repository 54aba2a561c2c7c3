package io.vigie.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One message to one receiver about one incident, with its delivery state: the value of the {@code notifications}
 * outbox topic, keyed by notification id. Each change of state appends a new record with the same id; the latest
 * one is the truth. The id is also the idempotency key sent to the receiver, so a receiver that honours it sees
 * each notification once however many times delivery was tried.
 *
 * @param reason why it was sent: OPENED, UPDATED, REPEATED, ESCALATED, RESOLVED
 * @param channel the receiver's channel type when it was planned (webhook, slack, mattermost, teams, email, sms)
 * @param attempts delivery attempts made so far
 * @param nextAttemptAt when the next attempt is due (PENDING only)
 * @param lastError why the last attempt failed, when it did
 * @param incident the incident as it was when the notification was planned: the message is rendered from it
 * @param grouped the other incidents of the same group (same brand by default) told in this same message, as
 *     they were when it was planned; empty for a message about one incident
 */
public record Notification(
        int schemaVersion,
        String notificationId,
        String incidentId,
        String receiver,
        String channel,
        String reason,
        Integer escalationLevel,
        DeliveryStatus status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant updatedAt,
        String lastError,
        IncidentEvent incident,
        List<IncidentEvent> grouped) {

    /** Where a notification stands: waiting for (another) attempt, delivered, or given up after the retry limit. */
    public enum DeliveryStatus {
        PENDING,
        DELIVERED,
        FAILED
    }

    public Notification {
        schemaVersion = Schema.version(schemaVersion);
        Schema.required(notificationId, "notificationId");
        Schema.required(incidentId, "incidentId");
        Schema.required(receiver, "receiver");
        Schema.required(channel, "channel");
        Schema.required(reason, "reason");
        Schema.required(status, "status");
        Schema.required(createdAt, "createdAt");
        Schema.required(incident, "incident");
        grouped = Schema.list(grouped);
    }

    /** Every incident this message is about: the lead first. */
    public List<IncidentEvent> incidents() {
        List<IncidentEvent> all = new ArrayList<>();
        all.add(incident);
        all.addAll(grouped);
        return all;
    }

    public boolean finished() {
        return status != DeliveryStatus.PENDING;
    }

    public Notification delivered(Instant at) {
        return new Notification(schemaVersion, notificationId, incidentId, receiver, channel, reason, escalationLevel,
                DeliveryStatus.DELIVERED, attempts + 1, createdAt, null, at, null, incident, grouped);
    }

    public Notification retryAt(Instant next, Instant at, String error) {
        return new Notification(schemaVersion, notificationId, incidentId, receiver, channel, reason, escalationLevel,
                DeliveryStatus.PENDING, attempts + 1, createdAt, next, at, error, incident, grouped);
    }

    public Notification failed(Instant at, String error) {
        return new Notification(schemaVersion, notificationId, incidentId, receiver, channel, reason, escalationLevel,
                DeliveryStatus.FAILED, attempts + 1, createdAt, null, at, error, incident, grouped);
    }
}
