package io.vigie.alerting;

import io.vigie.model.IncidentEvent;
import io.vigie.model.Notification;
import io.vigie.model.Silence;

/** Where the incident router writes: the {@code incidents}, {@code notifications} and {@code silences} topics. */
public interface AlertSink {
    void incident(IncidentEvent incident);

    void notification(Notification notification);

    /** A null silence deletes it (a tombstone on the compacted topic). */
    void silence(String silenceId, Silence silence);

    /** Blocks until everything written so far is acknowledged by the cluster. */
    void flush();
}
