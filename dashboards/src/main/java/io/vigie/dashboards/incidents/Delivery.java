package io.vigie.dashboards.incidents;

import io.vigie.model.Notification;
import java.time.Instant;

/**
 * What the incident page shows of one notification: to whom, on which channel, why, and where its delivery stands.
 * The rendered incident it carries on the {@code notifications} topic is left out: the page has the incident.
 *
 * @param lead true when the message was about this incident, false when this incident was told in another one's
 *     grouped message
 */
public record Delivery(String notificationId, String receiver, String channel, String reason, Integer escalationLevel,
        Notification.DeliveryStatus status, int attempts, Instant createdAt, Instant updatedAt, String lastError,
        boolean lead) {

    static Delivery of(Notification n, String incidentId) {
        return new Delivery(n.notificationId(), n.receiver(), n.channel(), n.reason(), n.escalationLevel(), n.status(),
                n.attempts(), n.createdAt(), n.updatedAt(), n.lastError(), n.incidentId().equals(incidentId));
    }
}
