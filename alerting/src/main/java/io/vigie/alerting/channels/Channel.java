package io.vigie.alerting.channels;

import io.vigie.alerting.AlertingConfig;
import io.vigie.model.Notification;

/** One way of reaching people. Implementations are thread-safe. */
public interface Channel {
    /** Tries once; returns normally only when the other side accepted the message. */
    void deliver(Notification notification, AlertingConfig.Receiver receiver) throws DeliveryException;
}
