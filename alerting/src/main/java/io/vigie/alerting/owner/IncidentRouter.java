package io.vigie.alerting.owner;

import io.vigie.alerting.desk.IncidentDesk;
import io.vigie.alerting.owner.AlertSink;

import io.vigie.alerting.incidents.IncidentTracker;
import io.vigie.alerting.routing.NotificationPlanner;
import io.vigie.alerting.routing.Silences;
import io.vigie.model.IncidentAction;
import io.vigie.model.IncidentCommand;
import io.vigie.model.IncidentEvent;
import io.vigie.model.IncidentStatus;
import io.vigie.model.Notification;
import io.vigie.model.Silence;
import io.vigie.model.SpikeSignal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting desk: applies signals and people's actions to incidents, asks the planner who must be told, and
 * writes the incident and its notifications (through the outbox). Also runs the periodic tick that resolves
 * quiet incidents, sends what waited (group wait, quiet hours), repeats and escalates. One lock serialises
 * everything, so the signal consumer, the tick and the API never see half an update.
 */
public final class IncidentRouter implements IncidentDesk {
    private static final Logger log = LoggerFactory.getLogger(IncidentRouter.class);
    /** Resolved incidents stay in the planner's sight this long, to send their RESOLVED message. */
    private static final Duration RESOLVED_SIGHT = Duration.ofHours(1);
    /** Resolved incidents are kept in memory this long (a late signal can still reopen them within the window). */
    private static final Duration FORGET_AFTER = Duration.ofHours(24);

    private final IncidentTracker tracker;
    private final NotificationPlanner planner;
    private final Silences silences;
    private final AlertSink sink;
    private final Clock clock;

    public IncidentRouter(IncidentTracker tracker, NotificationPlanner planner, Silences silences, AlertSink sink,
            Clock clock) {
        this.tracker = tracker;
        this.planner = planner;
        this.silences = silences;
        this.sink = sink;
        this.clock = clock;
    }

    public synchronized void restore(IncidentEvent incident) {
        tracker.restore(incident);
    }

    /**
     * Forgets every incident and takes these instead: the incidents of the brands this instance owns after a
     * rebalance, as the {@code incidents} topic has them.
     */
    public synchronized void replaceOwned(Collection<IncidentEvent> owned) {
        tracker.clear();
        owned.forEach(tracker::restore);
    }

    /**
     * Applies a person's action received by any instance (this one owns the brand) and writes the answer with
     * the incident, so the instance that received the HTTP call can reply.
     */
    public synchronized void apply(IncidentCommand command) {
        Instant now = clock.instant();
        IncidentCommand answer;
        try {
            IncidentEvent updated = tracker.act(command.incidentId(), command.action(), command.actor(),
                    command.note(), now);
            log.info("service=alerting event={} incident={} actor=\"{}\" command={}", command.action(),
                    command.incidentId(), command.actor(), command.commandId());
            publish(updated, now);
            answer = command.applied(tracker.get(command.incidentId()).orElse(updated));
        } catch (java.util.NoSuchElementException e) {
            answer = command.rejected("NOT_FOUND", e.getMessage());
        } catch (IllegalStateException e) {
            answer = command.rejected("CONFLICT", e.getMessage());
        } catch (IllegalArgumentException e) {
            answer = command.rejected("BAD_REQUEST", e.getMessage());
        }
        if (answer.error() != null) {
            log.info("service=alerting event=action-rejected incident={} action={} actor=\"{}\" why=\"{}\"",
                    command.incidentId(), command.action(), command.actor(), answer.error());
        }
        sink.answer(answer);
    }

    public synchronized void restoreSilence(String id, Silence silence) {
        if (silence == null) {
            silences.remove(id);
        } else {
            silences.put(silence);
        }
    }

    /** Applies a signal and writes what changed, then waits for the cluster to acknowledge it. */
    public synchronized void onSignal(SpikeSignal signal) {
        onSignals(java.util.List.of(signal));
    }

    /** Applies a batch of signals, writing what changed and the messages now due. */
    public synchronized void onSignals(List<SpikeSignal> signals) {
        Instant now = clock.instant();
        Map<String, IncidentEvent> changed = new LinkedHashMap<>();
        for (SpikeSignal signal : signals) {
            Optional<IncidentEvent> updated = tracker.apply(signal, now);
            if (updated.isEmpty()) {
                log.debug("service=alerting event=signal-ignored signal={} phase={}", signal.signalId(),
                        signal.phase());
                continue;
            }
            changed.put(updated.get().incidentId(), updated.get());
        }
        if (!changed.isEmpty()) {
            Set<String> brands = new java.util.HashSet<>();
            changed.values().forEach(i -> brands.add(i.brand()));
            writeWithPlan(changed.keySet(), brands, now);
        }
        sink.flush();
    }

    /** Resolves, repeats, escalates and sends what was held. */
    public synchronized void tick() {
        Instant now = clock.instant();
        tracker.forgetResolvedBefore(now.minus(FORGET_AFTER));
        Set<String> changed = new LinkedHashSet<>();
        for (IncidentEvent resolved : tracker.expire(now)) {
            log.info("service=alerting event=auto-resolved incident={} brand={} kind={}", resolved.incidentId(),
                    resolved.brand(), resolved.kind());
            changed.add(resolved.incidentId());
        }
        if (writeWithPlan(changed, now)) {
            sink.flush();
        }
    }

    /** A person's action: acknowledge, resolve, reopen or note. Returns the updated incident. */
    @Override
    public synchronized IncidentEvent act(String incidentId, String action, String actor, String note) {
        Instant now = clock.instant();
        IncidentEvent updated = tracker.act(incidentId, action, actor, note, now);
        log.info("service=alerting event={} incident={} actor=\"{}\"", action, incidentId, actor);
        publish(updated, now);
        return tracker.get(incidentId).orElse(updated);
    }

    @Override
    public synchronized Optional<IncidentEvent> incident(String incidentId) {
        return tracker.get(incidentId);
    }

    @Override
    public synchronized List<IncidentEvent> incidents() {
        return List.copyOf(tracker.all());
    }

    @Override
    public synchronized Silence addSilence(Silence silence) {
        sink.silence(silence.silenceId(), silence);
        silences.put(silence);
        log.info("service=alerting event=silence-created silence={} author=\"{}\" until={} matchers=\"{}\"",
                silence.silenceId(), silence.author(), silence.endsAt(), silence.matchers());
        return silence;
    }

    @Override
    public synchronized Optional<Silence> silence(String silenceId) {
        return silences.get(silenceId);
    }

    @Override
    public synchronized Collection<Silence> silences() {
        return silences.all();
    }

    /** Deletes a silence; returns false when there was none with that id. */
    @Override
    public synchronized boolean deleteSilence(String silenceId, String actor) {
        if (silences.get(silenceId).isEmpty()) {
            return false;
        }
        sink.silence(silenceId, null);
        silences.remove(silenceId);
        log.info("service=alerting event=silence-deleted silence={} actor=\"{}\"", silenceId, actor);
        return true;
    }

    private void publish(IncidentEvent incident, Instant now) {
        writeWithPlan(Set.of(incident.incidentId()), Set.of(incident.brand()), now);
        sink.flush();
    }

    /**
     * Plans every incident in sight (messages go out per group, so one incident's change may be told together
     * with its group's), appends the planned entries to the histories and writes the changed incidents and the
     * notifications. Returns true when it wrote anything.
     */
    private boolean writeWithPlan(Set<String> changed, Instant now) {
        return writeWithPlan(changed, null, now);
    }

    /**
     * As above, planning only the incidents of {@code brands} when not null (a change can only concern its own
     * groups, and the groups stay within a brand unless a route groups across brands): what a signal batch or an
     * action touches, so its cost does not grow with the number of other brands' incidents.
     */
    private boolean writeWithPlan(Set<String> changed, Set<String> brands, Instant now) {
        boolean onlyBrands = brands != null && planner.groupsWithinBrand();
        List<IncidentEvent> inSight = tracker.all().stream()
                .filter(i -> !onlyBrands || brands.contains(i.brand()))
                .filter(i -> i.status() != IncidentStatus.RESOLVED
                        || i.resolvedAt() != null && i.resolvedAt().plus(RESOLVED_SIGHT).isAfter(now)
                        || changed.contains(i.incidentId()))
                .toList();
        NotificationPlanner.Plan plan = planner.plan(inSight, tracker.all(), now);
        Map<String, IncidentEvent> written = new LinkedHashMap<>();
        for (Map.Entry<String, List<IncidentAction>> e : plan.history().entrySet()) {
            written.put(e.getKey(), tracker.record(e.getKey(), e.getValue(), now));
        }
        for (String id : changed) {
            written.computeIfAbsent(id, k -> tracker.get(k).orElseThrow());
        }
        written.values().forEach(sink::incident);
        for (NotificationPlanner.Planned p : plan.notifications()) {
            IncidentEvent lead = written.get(p.leadIncidentId());
            List<IncidentEvent> grouped = p.incidentIds().stream().skip(1).map(written::get).toList();
            Notification n = new Notification(0, p.notificationId(), lead.incidentId(), p.receiver(), p.channel(),
                    p.reason(), p.level(), Notification.DeliveryStatus.PENDING, 0, now, null, now, null, lead,
                    grouped);
            sink.notification(n);
            log.info("service=alerting event=notification-planned notification={} incident={} receiver={} "
                    + "reason={} severity={} grouped={}", n.notificationId(), n.incidentId(), n.receiver(),
                    n.reason(), lead.severity(), grouped.size());
        }
        for (String m : plan.muted()) {
            log.debug("service=alerting event=muted {}", m);
        }
        return !written.isEmpty();
    }
}
