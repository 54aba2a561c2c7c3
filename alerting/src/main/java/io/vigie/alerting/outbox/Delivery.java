package io.vigie.alerting.outbox;

import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.channels.Channel;
import io.vigie.alerting.channels.DeliveryException;
import io.vigie.model.Notification;
import java.time.Clock;
import java.util.Map;

/**
 * One attempt at one notification: finds the receiver and its channel, tries, and returns the notification's
 * next state (DELIVERED, PENDING with the next attempt time, or FAILED).
 */
public final class Delivery {
    private final Map<String, AlertingConfig.Receiver> receivers;
    private final Map<String, Channel> channels;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Clock clock;

    public Delivery(Map<String, AlertingConfig.Receiver> receivers, Map<String, Channel> channels, Backoff backoff,
            int maxAttempts, Clock clock) {
        this.receivers = receivers;
        this.channels = channels;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    public Notification attempt(Notification n) {
        AlertingConfig.Receiver receiver = receivers.get(n.receiver());
        if (receiver == null) {
            return n.failed(clock.instant(), "receiver '" + n.receiver() + "' is no longer in the configuration");
        }
        Channel channel = channels.get(receiver.type());
        if (channel == null) {
            return n.failed(clock.instant(), "no channel '" + receiver.type() + "' is set up (missing smtp or smsGateway?)");
        }
        try {
            channel.deliver(n, receiver);
            return n.delivered(clock.instant());
        } catch (DeliveryException e) {
            if (e.permanent() || n.attempts() + 1 >= maxAttempts) {
                String why = e.permanent() ? e.getMessage() : "gave up after " + (n.attempts() + 1) + " attempts: "
                        + e.getMessage();
                return n.failed(clock.instant(), why);
            }
            return n.retryAt(clock.instant().plus(backoff.after(n.attempts() + 1)), clock.instant(), e.getMessage());
        } catch (RuntimeException e) {
            // A template or programming error would fail the same way forever: keep it visible, do not loop.
            return n.failed(clock.instant(), "cannot render or send: " + e);
        }
    }
}
