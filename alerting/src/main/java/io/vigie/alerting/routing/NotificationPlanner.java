package io.vigie.alerting.routing;

import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.incidents.Actions;
import io.vigie.alerting.incidents.IncidentTracker;
import io.vigie.alerting.oncall.EscalationPolicy;
import io.vigie.model.IncidentAction;
import io.vigie.model.IncidentEvent;
import io.vigie.model.IncidentStatus;
import io.vigie.model.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, for one incident at one instant, which receivers must be told what: the first message after the group
 * wait, an update when the severity changed or the ratio moved by the update factor (no sooner than the group
 * interval), a reminder every repeat interval while nobody acknowledged, the resolution, and the next escalation
 * level when the incident stayed unacknowledged too long. Silences and inhibition mute; quiet hours hold
 * non-critical messages until they end.
 *
 * <p>It keeps no state of its own: what was already sent is read from the incident's history ("notified" and
 * "escalated" entries), which lives on the compacted {@code incidents} topic, so a restart neither repeats nor
 * forgets a message. Calling it twice at the same instant plans nothing the second time.
 */
public final class NotificationPlanner {
    public static final String OPENED = "OPENED";
    public static final String UPDATED = "UPDATED";
    public static final String REPEATED = "REPEATED";
    public static final String ESCALATED = "ESCALATED";
    public static final String REOPENED = "REOPENED";
    public static final String RESOLVED = "RESOLVED";

    private final RouteTree routes;
    private final Silences silences;
    private final Inhibitor inhibitor;
    private final Map<String, AlertingConfig.Receiver> receivers;
    private final Map<String, QuietHours> quietHours;
    private final Map<String, EscalationPolicy> escalations;
    private final double updateFactor;

    /** One message to send. */
    public record Planned(String notificationId, String receiver, String channel, String reason, Integer level) {}

    /** What to append to the incident's history, and the messages to send. */
    public record Plan(List<IncidentAction> history, List<Planned> notifications, List<String> muted) {
        public boolean isEmpty() {
            return history.isEmpty();
        }
    }

    private record Target(RouteTree.Timers timers, Integer level) {}

    private record Sent(String reason, Severity severity, double ratio, Instant at, int count) {}

    public NotificationPlanner(RouteTree routes, Silences silences, Inhibitor inhibitor,
            Map<String, AlertingConfig.Receiver> receivers, Map<String, QuietHours> quietHours,
            Map<String, EscalationPolicy> escalations, double updateFactor) {
        this.routes = routes;
        this.silences = silences;
        this.inhibitor = inhibitor;
        this.receivers = receivers;
        this.quietHours = quietHours;
        this.escalations = escalations;
        this.updateFactor = updateFactor;
    }

    public Plan plan(IncidentEvent incident, Collection<IncidentEvent> all, Instant now) {
        Map<String, String> labels = Labels.of(incident);
        List<IncidentAction> history = new ArrayList<>();
        List<Planned> out = new ArrayList<>();
        List<String> muted = new ArrayList<>();
        Instant known = knownAt(incident);
        Map<String, Target> targets = new LinkedHashMap<>();
        for (RouteTree.Destination d : routes.route(labels)) {
            if (d.receiver() != null) {
                targets.putIfAbsent(d.receiver(), new Target(d.timers(), null));
            }
            if (d.escalation() != null) {
                escalate(incident, escalations.get(d.escalation()), d.timers(), known, now, targets, history);
            }
        }
        // Muting is looked up only when something is due: inhibition scans every incident.
        Optional<String> mutedBy = null;
        for (Map.Entry<String, Target> e : targets.entrySet()) {
            String receiver = e.getKey();
            Target target = e.getValue();
            Sent last = lastSent(incident, receiver);
            String reason = reason(incident, receiver, target, last, known, now);
            if (reason == null) {
                continue;
            }
            if (mutedBy == null) {
                mutedBy = silences.muting(labels, now).map(s -> "silence " + s.silenceId())
                        .or(() -> incident.status() == IncidentStatus.RESOLVED
                                ? Optional.empty()
                                : inhibitor.inhibitor(incident, all).map(i -> "inhibited by " + i.incidentId()));
            }
            if (mutedBy.isPresent()) {
                muted.add(receiver + ": " + mutedBy.get());
                continue;
            }
            int count = last == null ? 0 : last.count();
            String id = notificationId(incident.incidentId(), receiver, count);
            AlertingConfig.Receiver r = receivers.get(receiver);
            out.add(new Planned(id, receiver, r == null ? "unknown" : r.type(), reason, target.level()));
            history.add(new IncidentAction(Actions.NOTIFIED, receiver, now, reason + " severity="
                    + incident.severity() + " ratio=" + IncidentTracker.ratio(incident.observed(), incident.expected())
                    + " id=" + id + (target.level() == null ? "" : " level=" + target.level())));
        }
        return new Plan(history, out, muted);
    }

    private String reason(IncidentEvent incident, String receiver, Target target, Sent last, Instant known,
            Instant now) {
        if (incident.status() == IncidentStatus.RESOLVED) {
            return last != null && !RESOLVED.equals(last.reason()) ? RESOLVED : null;
        }
        QuietHours quiet = quietHours.get(receiver);
        if (incident.severity() != Severity.CRITICAL && quiet != null && quiet.quietUntil(now) != null) {
            return null; // held, not dropped: the next tick after the quiet period sends it
        }
        if (last == null) {
            if (target.level() != null && target.level() > 0) {
                return ESCALATED;
            }
            return now.isBefore(known.plus(target.timers().groupWait())) ? null : OPENED;
        }
        if (RESOLVED.equals(last.reason())) {
            return REOPENED;
        }
        double ratio = IncidentTracker.ratio(incident.observed(), incident.expected());
        boolean changed = incident.severity() != last.severity() || movedEnough(last.ratio(), ratio);
        if (changed && !now.isBefore(last.at().plus(target.timers().groupInterval()))) {
            return UPDATED;
        }
        if (incident.status() == IncidentStatus.OPEN && !now.isBefore(last.at().plus(target.timers().repeatInterval()))) {
            return REPEATED;
        }
        return null;
    }

    private void escalate(IncidentEvent incident, EscalationPolicy policy, RouteTree.Timers timers, Instant known,
            Instant now, Map<String, Target> targets, List<IncidentAction> history) {
        for (EscalationPolicy.Level level : policy.levels()) {
            String marker = "policy=" + policy.name() + " level=" + level.index() + " receiver=";
            Optional<IncidentAction> done = incident.history().stream()
                    .filter(a -> Actions.ESCALATED.equals(a.action()) && a.note() != null
                            && a.note().startsWith(marker))
                    .findFirst();
            if (done.isPresent()) {
                targets.putIfAbsent(done.get().note().substring(marker.length()), new Target(timers, level.index()));
                continue;
            }
            boolean due = level.index() == 0
                    ? incident.status() != IncidentStatus.RESOLVED
                    : incident.status() == IncidentStatus.OPEN && !now.isBefore(known.plus(level.after()));
            if (!due) {
                return; // levels are climbed in order
            }
            String receiver = policy.target(level, now);
            history.add(new IncidentAction(Actions.ESCALATED, Actions.VIGIE, now, marker + receiver));
            targets.putIfAbsent(receiver, new Target(timers, level.index()));
        }
    }

    private boolean movedEnough(double before, double now) {
        if (Double.isInfinite(before) || Double.isInfinite(now) || before <= 0 || now <= 0) {
            return Double.compare(before, now) != 0;
        }
        return (now > before ? now / before : before / now) >= updateFactor;
    }

    /** When Vigie opened (or last reopened) the incident: group wait and escalation count from there. */
    static Instant knownAt(IncidentEvent incident) {
        Instant at = null;
        for (IncidentAction a : incident.history()) {
            if (Actions.OPENED.equals(a.action()) || Actions.REOPENED.equals(a.action())) {
                at = a.at();
            }
        }
        return at == null ? incident.openedAt() : at;
    }

    private static Sent lastSent(IncidentEvent incident, String receiver) {
        Sent last = null;
        int count = 0;
        for (IncidentAction a : incident.history()) {
            if (!Actions.NOTIFIED.equals(a.action()) || !receiver.equals(a.actor()) || a.note() == null) {
                continue;
            }
            count++;
            Map<String, String> fields = new LinkedHashMap<>();
            String[] parts = a.note().split(" ");
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (eq > 0) {
                    fields.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
                }
            }
            last = new Sent(parts[0], Severity.valueOf(fields.getOrDefault("severity", "INFO")),
                    Double.parseDouble(fields.getOrDefault("ratio", "0")), a.at(), count);
        }
        return last;
    }

    /** Stable across replays: the n-th message of an incident to a receiver always has the same id. */
    static String notificationId(String incidentId, String receiver, int sequence) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((incidentId + "|" + receiver + "|" + sequence).getBytes(StandardCharsets.UTF_8));
            return "ntf-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
