package io.vigie.alerting.owner;

import io.vigie.model.IncidentCommand;
import io.vigie.model.IncidentEvent;
import io.vigie.model.Notification;
import io.vigie.model.Silence;

/**
 * Where the incident router writes: the {@code incidents}, {@code notifications}, {@code silences} and
 * {@code incident.actions} (answers) topics.
 */
public interface AlertSink {
    void incident(IncidentEvent incident);

    void notification(Notification notification);

    /** The owner's answer to a person's action received by any instance. */
    void answer(IncidentCommand answer);

    /** A null silence deletes it (a tombstone on the compacted topic). Written at once, outside any batch. */
    void silence(String silenceId, Silence silence);

    /** Blocks until everything written so far is acknowledged by the cluster. */
    void flush();
}
