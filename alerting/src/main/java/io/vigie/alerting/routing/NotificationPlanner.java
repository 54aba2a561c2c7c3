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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which receivers must be told what, Alertmanager-style: incidents are grouped per receiver by the route's
 * {@code groupBy} labels (the brand by default), and a group goes out as ONE message. A new group waits
 * {@code groupWait} after its first incident, so the kinds a crisis raises together (volume, negative volume,
 * reach…) share one page; after that, anything new in the group (another incident, a change of severity or of the
 * ratio by the update factor, a resolution) is batched and sent no sooner than {@code groupInterval} after the
 * group's previous message; a reminder every {@code repeatInterval} while nobody acknowledged; the next
 * escalation level when an incident stayed unacknowledged too long (a first page to that person goes at once).
 * Silences and inhibition mute an incident; quiet hours hold a group with nothing critical until they end.
 *
 * <p>It keeps no state of its own: what was already sent is read from each incident's history ("notified" and
 * "escalated" entries), which lives on the compacted {@code incidents} topic, so a restart or another owner
 * neither repeats nor forgets a message. Every incident in a message gets its own "notified" entry with the
 * message's id. Calling it twice at the same instant plans nothing the second time.
 */
public final class NotificationPlanner {
    public static final String OPENED = "OPENED";
    public static final String UPDATED = "UPDATED";
    public static final String REPEATED = "REPEATED";
    public static final String ESCALATED = "ESCALATED";
    public static final String REOPENED = "REOPENED";
    public static final String RESOLVED = "RESOLVED";
    /** Which news leads a grouped message (and gives its reason), first wins. */
    private static final List<String> NEWS_ORDER = List.of(ESCALATED, OPENED, REOPENED, UPDATED, REPEATED, RESOLVED);

    private final RouteTree routes;
    private final Silences silences;
    private final Inhibitor inhibitor;
    private final Map<String, AlertingConfig.Receiver> receivers;
    private final Map<String, QuietHours> quietHours;
    private final Map<String, EscalationPolicy> escalations;
    private final double updateFactor;

    /** One message to send, about {@code incidentIds}: the lead (the message is rendered from it) first. */
    public record Planned(String notificationId, String receiver, String channel, String reason, Integer level,
            List<String> incidentIds) {
        public String leadIncidentId() {
            return incidentIds.get(0);
        }
    }

    /** What to append to each incident's history (by incident id), and the messages to send. */
    public record Plan(Map<String, List<IncidentAction>> history, List<Planned> notifications, List<String> muted) {
        public boolean isEmpty() {
            return history.isEmpty();
        }

        /** The entries of one incident (empty when it has none). */
        public List<IncidentAction> history(String incidentId) {
            return history.getOrDefault(incidentId, List.of());
        }
    }

    private record Target(RouteTree.Timers timers, Integer level) {}

    private record Sent(String reason, Severity severity, double ratio, Instant at, int count) {}

    /** One incident in a receiver's group: what was last sent to that receiver about it, and what is new. */
    private record Member(String receiver, IncidentEvent incident, Target target, Sent last, String news) {}

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

    /** Whether incidents of different brands never share a message: then a change is planned with its brand only. */
    public boolean groupsWithinBrand() {
        return routes.groupsWithinBrand();
    }

    /** Plans one incident as if it were alone in its group. */
    public Plan plan(IncidentEvent incident, Collection<IncidentEvent> all, Instant now) {
        return plan(List.of(incident), all, now);
    }

    /**
     * Plans the incidents in sight ({@code candidates}: unresolved or recently resolved, grouped here);
     * {@code all} is what inhibition looks at.
     */
    public Plan plan(Collection<IncidentEvent> candidates, Collection<IncidentEvent> all, Instant now) {
        Map<String, List<IncidentAction>> history = new LinkedHashMap<>();
        List<Planned> out = new ArrayList<>();
        List<String> muted = new ArrayList<>();
        Map<String, List<Member>> groups = new LinkedHashMap<>();
        List<IncidentEvent> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparing(IncidentEvent::openedAt).thenComparing(IncidentEvent::incidentId));
        // A group's escalation clock starts with its first unacknowledged incident, so the kinds of one crisis
        // climb the levels together and the next person is paged once for all of them.
        Map<String, List<RouteTree.Destination>> routed = new HashMap<>();
        Map<String, Instant> escalationStart = new HashMap<>();
        for (IncidentEvent incident : ordered) {
            Map<String, String> labels = Labels.of(incident);
            List<RouteTree.Destination> destinations = routes.route(labels);
            routed.put(incident.incidentId(), destinations);
            if (incident.status() == IncidentStatus.OPEN) {
                for (RouteTree.Destination d : destinations) {
                    if (d.escalation() != null) {
                        escalationStart.merge(groupKey(d.escalation(), d.timers(), labels), knownAt(incident),
                                (x, y) -> x.isBefore(y) ? x : y);
                    }
                }
            }
        }
        for (IncidentEvent incident : ordered) {
            Map<String, String> labels = Labels.of(incident);
            Instant known = knownAt(incident);
            Map<String, Target> targets = new LinkedHashMap<>();
            List<IncidentAction> escalated = new ArrayList<>();
            for (RouteTree.Destination d : routed.get(incident.incidentId())) {
                if (d.receiver() != null) {
                    targets.putIfAbsent(d.receiver(), new Target(d.timers(), null));
                }
                if (d.escalation() != null) {
                    Instant start = escalationStart.getOrDefault(groupKey(d.escalation(), d.timers(), labels), known);
                    escalate(incident, escalations.get(d.escalation()), d.timers(), start, now, targets, escalated);
                }
            }
            if (!escalated.isEmpty()) {
                history.computeIfAbsent(incident.incidentId(), k -> new ArrayList<>()).addAll(escalated);
            }
            for (Map.Entry<String, Target> e : targets.entrySet()) {
                Sent last = lastSent(incident, e.getKey());
                String news = news(incident, e.getValue(), last, now);
                groups.computeIfAbsent(groupKey(e.getKey(), e.getValue().timers(), labels), k -> new ArrayList<>())
                        .add(new Member(e.getKey(), incident, e.getValue(), last, news));
            }
        }
        for (List<Member> group : groups.values()) {
            planGroup(group, all, now, history, out, muted);
        }
        return new Plan(history, out, muted);
    }

    /** A name (receiver or escalation policy) and the values of the route's groupBy labels. */
    private static String groupKey(String name, RouteTree.Timers timers, Map<String, String> labels) {
        StringBuilder key = new StringBuilder(name);
        for (String label : timers.groupBy()) {
            key.append('\u0000').append(labels.getOrDefault(label, ""));
        }
        return key.toString();
    }

    private void planGroup(List<Member> group, Collection<IncidentEvent> all, Instant now,
            Map<String, List<IncidentAction>> history, List<Planned> out, List<String> muted) {
        String receiver = group.get(0).receiver();
        List<Member> pending = new ArrayList<>();
        for (Member m : group) {
            if (m.news() == null) {
                continue;
            }
            // Muting is looked up only when something is new: inhibition scans every incident.
            Optional<String> mutedBy = silences.muting(Labels.of(m.incident()), now)
                    .map(s -> "silence " + s.silenceId())
                    .or(() -> m.incident().status() == IncidentStatus.RESOLVED
                            ? Optional.empty()
                            : inhibitor.inhibitor(m.incident(), all).map(i -> "inhibited by " + i.incidentId()));
            if (mutedBy.isPresent()) {
                muted.add(receiver + ": " + m.incident().incidentId() + " " + mutedBy.get());
            } else {
                pending.add(m);
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        boolean critical = pending.stream().anyMatch(m -> m.incident().severity() == Severity.CRITICAL
                && m.incident().status() != IncidentStatus.RESOLVED);
        QuietHours quiet = quietHours.get(receiver);
        if (!critical && quiet != null && quiet.quietUntil(now) != null) {
            return; // held, not dropped: the next tick after the quiet period sends it
        }
        RouteTree.Timers timers = pending.get(0).target().timers();
        // The group's previous message, not counting "resolved" ones: a group that starts again waits groupWait.
        Instant groupLast = group.stream()
                .filter(m -> m.last() != null && !RESOLVED.equals(m.last().reason()))
                .map(m -> m.last().at()).max(Instant::compareTo).orElse(null);
        boolean due;
        if (groupLast == null) {
            boolean firstPage = pending.stream().anyMatch(m -> ESCALATED.equals(m.news()));
            Instant first = pending.stream().map(m -> knownAt(m.incident())).min(Instant::compareTo).orElse(now);
            due = firstPage || !now.isBefore(first.plus(timers.groupWait()));
        } else {
            due = !now.isBefore(groupLast.plus(timers.groupInterval()));
        }
        if (!due) {
            return;
        }
        pending.sort(Comparator.comparingInt((Member m) -> NEWS_ORDER.indexOf(m.news()))
                .thenComparing((Member m) -> m.incident().severity(), Comparator.reverseOrder())
                .thenComparing((Member m) -> IncidentTracker.ratio(m.incident().observed(), m.incident().expected()),
                        Comparator.reverseOrder())
                .thenComparing(m -> m.incident().incidentId()));
        Member lead = pending.get(0);
        int count = lead.last() == null ? 0 : lead.last().count();
        String id = notificationId(lead.incident().incidentId(), receiver, count);
        AlertingConfig.Receiver r = receivers.get(receiver);
        List<String> ids = pending.stream().map(m -> m.incident().incidentId()).toList();
        out.add(new Planned(id, receiver, r == null ? "unknown" : r.type(), lead.news(), lead.target().level(), ids));
        for (Member m : pending) {
            IncidentEvent incident = m.incident();
            history.computeIfAbsent(incident.incidentId(), k -> new ArrayList<>()).add(new IncidentAction(
                    Actions.NOTIFIED, receiver, now, m.news() + " severity=" + incident.severity() + " ratio="
                    + IncidentTracker.ratio(incident.observed(), incident.expected()) + " id=" + id
                    + (m.target().level() == null ? "" : " level=" + m.target().level())
                    + (ids.size() > 1 ? " group=" + ids.size() : "")));
        }
    }

    /** What is new for this receiver about this incident, whatever the group's timers say; null when nothing. */
    private String news(IncidentEvent incident, Target target, Sent last, Instant now) {
        if (incident.status() == IncidentStatus.RESOLVED) {
            return last != null && !RESOLVED.equals(last.reason()) ? RESOLVED : null;
        }
        if (last == null) {
            return target.level() != null && target.level() > 0 ? ESCALATED : OPENED;
        }
        if (RESOLVED.equals(last.reason())) {
            return REOPENED;
        }
        double ratio = IncidentTracker.ratio(incident.observed(), incident.expected());
        if (incident.severity() != last.severity() || movedEnough(last.ratio(), ratio)) {
            return UPDATED;
        }
        if (incident.status() == IncidentStatus.OPEN
                && !now.isBefore(last.at().plus(target.timers().repeatInterval()))) {
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
