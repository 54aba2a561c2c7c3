package io.vigie.alerting.channels;

import io.vigie.alerting.AlertingConfig;
import io.vigie.model.Notification;
import io.vigie.runtime.metrics.StageMetrics;
import java.time.Clock;

/**
 * Counts each delivery attempt of a channel by outcome (delivered, retryable, rejected) and records the
 * signal-to-notification latency of delivered ones: from the incident update the signal caused to the delivery.
 */
public final class MeteredChannel implements Channel {
    private final Channel delegate;
    private final String name;
    private final StageMetrics metrics;
    private final Clock clock;

    public MeteredChannel(Channel delegate, String name, StageMetrics metrics, Clock clock) {
        this.delegate = delegate;
        this.name = name;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void deliver(Notification notification, AlertingConfig.Receiver receiver) throws DeliveryException {
        try {
            delegate.deliver(notification, receiver);
        } catch (DeliveryException e) {
            metrics.notification(name, e.permanent() ? "rejected" : "retryable");
            throw e;
        }
        metrics.notification(name, "delivered");
        if (notification.incident() != null) {
            metrics.hop("signal-notification", notification.incident().updatedAt(), clock.instant());
        }
    }
}
