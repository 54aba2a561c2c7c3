package io.vigie.alerting.desk;

import io.vigie.alerting.desk.ActionQueuedException;
import io.vigie.alerting.desk.ClusterDesk;
import io.vigie.alerting.owner.IncidentRouter;

import io.vigie.model.IncidentEvent;
import io.vigie.model.Silence;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the HTTP API asks of alerting: read incidents, act on them, manage silences. In a running stage it is a
 * {@link ClusterDesk} (reads from the followed topics, actions sent to the brand's owner); unit tests use the
 * {@link IncidentRouter} directly.
 */
public interface IncidentDesk {
    List<IncidentEvent> incidents();

    Optional<IncidentEvent> incident(String incidentId);

    /**
     * Acknowledge, resolve, reopen or note. Throws NoSuchElementException (unknown incident),
     * IllegalStateException (impossible in the current status), IllegalArgumentException (bad input), or
     * {@link ActionQueuedException} when the owner did not answer in time (the action stays queued).
     */
    IncidentEvent act(String incidentId, String action, String actor, String note);

    Collection<Silence> silences();

    Optional<Silence> silence(String silenceId);

    Silence addSilence(Silence silence);

    boolean deleteSilence(String silenceId, String actor);
}
