package io.vigie.alerting.incidents;

import io.vigie.alerting.AlertingConfig;
import io.vigie.model.IncidentAction;
import io.vigie.model.IncidentEvent;
import io.vigie.model.IncidentStatus;
import io.vigie.model.Severity;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The incidents and the signals behind them. One incident per brand and kind at a time: a signal of a brand and
 * kind that already has an unresolved incident joins it; one arriving within the group window after an incident
 * was resolved reopens it. Replayed or out-of-order observations of a signal are ignored, so reading the
 * {@code signals} topic twice changes nothing. Not thread-safe: its owner serialises calls.
 */
public final class IncidentTracker {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final AlertingConfig.Incidents config;
    private final SeverityScale severityScale;
    private final Map<String, IncidentEvent> incidents = new LinkedHashMap<>();
    private final Map<String, Map<String, SignalState>> signalsByIncident = new HashMap<>();
    private final Map<String, String> incidentBySignal = new HashMap<>();
    /** The ratio last written to history, so "3× → 12×" is only said when it changed enough. */
    private final Map<String, Double> notedRatio = new HashMap<>();
    /** When a signal last touched each incident, by the clock: what "gone silent" is measured from. */
    private final Map<String, Instant> lastSignalAt = new HashMap<>();

    /** What is known of one signal of an incident. */
    private record SignalState(double observed, double expected, Severity severity, Instant since, Instant at,
            boolean ended, Instant endedAt) {
        double ratio() {
            return expected <= 0 ? Double.POSITIVE_INFINITY : observed / expected;
        }
    }

    public IncidentTracker(AlertingConfig.Incidents config) {
        this.config = config;
        this.severityScale = new SeverityScale(config.severity());
    }

    public Optional<IncidentEvent> get(String incidentId) {
        return Optional.ofNullable(incidents.get(incidentId));
    }

    public Collection<IncidentEvent> all() {
        return incidents.values();
    }

    public List<IncidentEvent> unresolved() {
        return incidents.values().stream().filter(i -> i.status() != IncidentStatus.RESOLVED).toList();
    }

    /** Forgets everything: the owner rebuilds from the topic after its brands changed. */
    public void clear() {
        incidents.clear();
        signalsByIncident.clear();
        incidentBySignal.clear();
        notedRatio.clear();
        lastSignalAt.clear();
    }

    /** Takes an incident read back from the {@code incidents} topic (start, restart, another instance's write). */
    public void restore(IncidentEvent incident) {
        incidents.put(incident.incidentId(), incident);
        Map<String, SignalState> signals = new LinkedHashMap<>();
        for (IncidentAction a : incident.history()) {
            if (!Actions.SIGNAL.equals(a.action()) || a.note() == null) {
                continue;
            }
            String[] parts = a.note().split(" ", 2);
            if (parts.length < 2) {
                continue;
            }
            String signalId = parts[1];
            incidentBySignal.put(signalId, incident.incidentId());
            boolean ended = parts[0].equals(SignalPhase.END.name());
            SignalState previous = signals.get(signalId);
            Instant since = previous == null ? a.at() : previous.since();
            signals.put(signalId, new SignalState(incident.observed(), incident.expected(), incident.severity(),
                    since, a.at(), ended, ended ? a.at() : null));
        }
        signalsByIncident.put(incident.incidentId(), signals);
        incident.history().stream()
                .filter(a -> Actions.VIGIE.equals(a.actor()) && !Actions.NOTIFIED.equals(a.action())
                        && !Actions.ESCALATED.equals(a.action()))
                .map(IncidentAction::at).max(Instant::compareTo)
                .ifPresent(at -> lastSignalAt.put(incident.incidentId(), at));
        notedRatio.put(incident.incidentId(), ratio(incident.observed(), incident.expected()));
    }

    /** Applies one signal; returns the incident when it changed, empty for a duplicate or an ignorable signal. */
    public Optional<IncidentEvent> apply(SpikeSignal s, Instant now) {
        String incidentId = incidentBySignal.get(s.signalId());
        IncidentEvent incident = incidentId == null ? null : incidents.get(incidentId);
        Map<String, SignalState> signals = incident == null ? null : signalsByIncident.get(incidentId);
        SignalState known = signals == null ? null : signals.get(s.signalId());
        if (known != null && (!s.at().isAfter(known.at()) || known.ended())) {
            return Optional.empty(); // replayed, out of order, or after its own END
        }
        if (incident == null) {
            if (s.phase() == SignalPhase.END) {
                return Optional.empty(); // the end of an episode we never saw begin: nothing to close
            }
            incident = unresolvedFor(s.brand(), s.kind())
                    .or(() -> recentlyResolvedFor(s.brand(), s.kind(), now))
                    .orElse(null);
        }
        List<IncidentAction> history = new ArrayList<>();
        IncidentStatus status;
        Instant openedAt;
        Instant resolvedAt;
        String id;
        if (incident == null) {
            id = incidentId(s);
            status = IncidentStatus.OPEN;
            openedAt = s.since() != null && s.since().isBefore(now) ? s.since() : now;
            resolvedAt = null;
            signals = new LinkedHashMap<>();
            signalsByIncident.put(id, signals);
        } else {
            id = incident.incidentId();
            history.addAll(incident.history());
            status = incident.status();
            openedAt = incident.openedAt();
            resolvedAt = incident.resolvedAt();
            signals = signalsByIncident.computeIfAbsent(id, k -> new LinkedHashMap<>());
            if (status == IncidentStatus.RESOLVED) {
                if (known != null) {
                    // A person resolved it while the detector still sees the episode: their word stands.
                    signals.put(s.signalId(), next(known, s, now));
                    return Optional.empty();
                }
                status = IncidentStatus.OPEN;
                resolvedAt = null;
                history.add(new IncidentAction(Actions.REOPENED, Actions.VIGIE, now,
                        "new signal " + s.signalId() + ": " + s.explanation()));
            }
        }
        boolean isNew = !signals.containsKey(s.signalId());
        signals.put(s.signalId(), known == null
                ? new SignalState(s.observed(), s.expected(), severityScale.of(s),
                        s.since() == null ? s.at() : s.since(), s.at(), s.phase() == SignalPhase.END,
                        s.phase() == SignalPhase.END ? now : null)
                : next(known, s, now));
        incidentBySignal.put(s.signalId(), id);
        lastSignalAt.put(id, now);
        if (isNew) {
            history.add(new IncidentAction(Actions.SIGNAL, Actions.VIGIE, now, SignalPhase.START + " " + s.signalId()));
        }
        if (s.phase() == SignalPhase.END) {
            history.add(new IncidentAction(Actions.SIGNAL, Actions.VIGIE, now, SignalPhase.END + " " + s.signalId()));
        }

        SignalState lead = lead(signals);
        double observed = lead.observed();
        double expected = lead.expected();
        Severity severity = signals.values().stream().filter(x -> !x.ended()).map(SignalState::severity)
                .max(Enum::compareTo).orElse(incident == null ? lead.severity() : incident.severity());
        double ratio = ratio(observed, expected);
        if (incident == null) {
            history.add(0, new IncidentAction(Actions.OPENED, Actions.VIGIE, now, describe(s.kind(), observed,
                    expected, openedAt)));
            notedRatio.put(id, ratio);
        } else {
            double before = notedRatio.getOrDefault(id, ratio);
            if (changedEnough(before, ratio)) {
                history.add(new IncidentAction(Actions.UPDATED, Actions.VIGIE, now,
                        kindText(s.kind()) + " " + times(before) + " → " + times(ratio) + " expected"));
                notedRatio.put(id, ratio);
            }
            if (severity != incident.severity()) {
                history.add(new IncidentAction(Actions.SEVERITY, Actions.VIGIE, now,
                        incident.severity() + " → " + severity));
            }
        }
        List<String> signalIds = new ArrayList<>(signals.keySet());
        List<String> topMentions = mergeMentions(incident == null ? List.of() : incident.topMentionIds(),
                s.mentionIds());
        IncidentEvent updated = new IncidentEvent(0, id, s.brand(), s.kind(), severity, status, openedAt, now,
                resolvedAt, observed, expected, describe(s.kind(), observed, expected, openedAt), signalIds,
                topMentions, history);
        incidents.put(id, updated);
        return Optional.of(updated);
    }

    /** Resolves what is back to normal or has gone silent; returns the incidents it changed. */
    public List<IncidentEvent> expire(Instant now) {
        List<IncidentEvent> changed = new ArrayList<>();
        for (IncidentEvent incident : List.copyOf(incidents.values())) {
            if (incident.status() == IncidentStatus.RESOLVED) {
                continue;
            }
            Map<String, SignalState> signals = signalsByIncident.getOrDefault(incident.incidentId(), Map.of());
            boolean allEnded = !signals.isEmpty() && signals.values().stream().allMatch(SignalState::ended);
            Instant lastEnd = signals.values().stream().map(SignalState::endedAt)
                    .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
            Instant lastSeen = lastSignalAt.getOrDefault(incident.incidentId(), incident.openedAt());
            String why = null;
            if (allEnded && lastEnd != null && !now.isBefore(lastEnd.plus(config.resolveAfter()))) {
                why = "back to normal";
            } else if (!allEnded && !now.isBefore(lastSeen.plus(config.staleAfter()))) {
                why = "no signal for " + config.staleAfter().toMinutes() + " min";
            }
            if (why != null) {
                IncidentEvent resolved = withStatus(incident, IncidentStatus.RESOLVED, now,
                        new IncidentAction(Actions.RESOLVED, Actions.VIGIE, now, why));
                incidents.put(resolved.incidentId(), resolved);
                changed.add(resolved);
            }
        }
        return changed;
    }

    /**
     * Forgets incidents resolved before {@code cutoff} (they stay on the compacted topic), so memory and the tick's
     * work follow the live incidents, not the whole past.
     */
    public int forgetResolvedBefore(Instant cutoff) {
        List<String> gone = incidents.values().stream()
                .filter(i -> i.status() == IncidentStatus.RESOLVED && i.resolvedAt() != null
                        && i.resolvedAt().isBefore(cutoff))
                .map(IncidentEvent::incidentId).toList();
        for (String id : gone) {
            incidents.remove(id);
            Map<String, SignalState> signals = signalsByIncident.remove(id);
            if (signals != null) {
                signals.keySet().forEach(incidentBySignal::remove);
            }
            notedRatio.remove(id);
            lastSignalAt.remove(id);
        }
        return gone.size();
    }

    /** A person's action. Throws IllegalStateException when the action makes no sense in the current status. */
    public IncidentEvent act(String incidentId, String action, String actor, String note, Instant now) {
        IncidentEvent incident = incidents.get(incidentId);
        if (incident == null) {
            throw new java.util.NoSuchElementException("no incident " + incidentId);
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("say who you are: actor is required");
        }
        IncidentAction entry = new IncidentAction(action, actor, now, note);
        IncidentEvent updated = switch (action) {
            case Actions.ACKNOWLEDGED -> {
                if (incident.status() != IncidentStatus.OPEN) {
                    throw new IllegalStateException("incident " + incidentId + " is " + incident.status()
                            + ", only an OPEN incident can be acknowledged");
                }
                yield withStatus(incident, IncidentStatus.ACKNOWLEDGED, now, entry);
            }
            case Actions.RESOLVED -> {
                if (incident.status() == IncidentStatus.RESOLVED) {
                    throw new IllegalStateException("incident " + incidentId + " is already resolved");
                }
                yield withStatus(incident, IncidentStatus.RESOLVED, now, entry);
            }
            case Actions.REOPENED -> {
                if (incident.status() != IncidentStatus.RESOLVED) {
                    throw new IllegalStateException("incident " + incidentId + " is " + incident.status()
                            + ", only a RESOLVED incident can be reopened");
                }
                yield withStatus(incident, IncidentStatus.OPEN, now, entry);
            }
            case Actions.NOTE -> {
                if (note == null || note.isBlank()) {
                    throw new IllegalArgumentException("a note needs a text");
                }
                yield withStatus(incident, incident.status(), now, entry);
            }
            default -> throw new IllegalArgumentException("unknown action " + action);
        };
        incidents.put(incidentId, updated);
        return updated;
    }

    /** Appends entries written by Vigie itself (notified, escalated) to the history. */
    public IncidentEvent record(String incidentId, List<IncidentAction> entries, Instant now) {
        IncidentEvent incident = incidents.get(incidentId);
        List<IncidentAction> history = new ArrayList<>(incident.history());
        history.addAll(entries);
        IncidentEvent updated = new IncidentEvent(0, incident.incidentId(), incident.brand(), incident.kind(),
                incident.severity(), incident.status(), incident.openedAt(), now, incident.resolvedAt(),
                incident.observed(), incident.expected(), incident.summary(), incident.signalIds(),
                incident.topMentionIds(), history);
        incidents.put(incidentId, updated);
        return updated;
    }

    private static IncidentEvent withStatus(IncidentEvent i, IncidentStatus status, Instant now, IncidentAction entry) {
        List<IncidentAction> history = new ArrayList<>(i.history());
        history.add(entry);
        Instant resolvedAt = status == IncidentStatus.RESOLVED ? now : null;
        return new IncidentEvent(0, i.incidentId(), i.brand(), i.kind(), i.severity(), status, i.openedAt(), now,
                resolvedAt, i.observed(), i.expected(), i.summary(), i.signalIds(), i.topMentionIds(), history);
    }

    private Optional<IncidentEvent> unresolvedFor(String brand, SignalKind kind) {
        return incidents.values().stream()
                .filter(i -> i.brand().equals(brand) && i.kind() == kind && i.status() != IncidentStatus.RESOLVED)
                .findFirst();
    }

    private Optional<IncidentEvent> recentlyResolvedFor(String brand, SignalKind kind, Instant now) {
        return incidents.values().stream()
                .filter(i -> i.brand().equals(brand) && i.kind() == kind && i.status() == IncidentStatus.RESOLVED)
                .filter(i -> i.resolvedAt() != null && !now.isAfter(i.resolvedAt().plus(config.groupWindow())))
                .max((a, b) -> a.resolvedAt().compareTo(b.resolvedAt()));
    }

    private SignalState next(SignalState known, SpikeSignal s, Instant now) {
        boolean ended = s.phase() == SignalPhase.END;
        return new SignalState(s.observed(), s.expected(), ended ? known.severity() : severityScale.of(s),
                known.since(), s.at(), ended, ended ? now : null);
    }

    /** The signal that tells the incident's numbers: the strongest one still going, else the last one seen. */
    private static SignalState lead(Map<String, SignalState> signals) {
        return signals.values().stream().filter(x -> !x.ended())
                .max((a, b) -> Double.compare(a.ratio(), b.ratio()))
                .orElseGet(() -> signals.values().stream().max((a, b) -> a.at().compareTo(b.at())).orElseThrow());
    }

    private boolean changedEnough(double before, double now) {
        if (Double.isInfinite(before) || Double.isInfinite(now) || before <= 0 || now <= 0) {
            return Double.compare(before, now) != 0;
        }
        double factor = now > before ? now / before : before / now;
        return factor >= config.updateFactor();
    }

    /** Whether the ratio moved by at least the update factor: what deserves an update message. */
    public boolean changedEnough(IncidentEvent before, IncidentEvent now) {
        return changedEnough(ratio(before.observed(), before.expected()), ratio(now.observed(), now.expected()));
    }

    private static List<String> mergeMentions(List<String> before, List<String> latest) {
        LinkedHashMap<String, Boolean> merged = new LinkedHashMap<>();
        latest.forEach(m -> merged.put(m, true));
        before.forEach(m -> merged.putIfAbsent(m, true));
        return merged.keySet().stream().limit(20).toList();
    }

    public static double ratio(double observed, double expected) {
        return expected <= 0 ? Double.POSITIVE_INFINITY : observed / expected;
    }

    static String times(double ratio) {
        return Double.isInfinite(ratio) ? "∞×" : String.format(Locale.ROOT, "%.1f×", ratio);
    }

    static String describe(SignalKind kind, double observed, double expected, Instant since) {
        return String.format(Locale.ROOT, "%s %s expected (%.1f vs %.1f) since %s", kindText(kind),
                times(ratio(observed, expected)), observed, expected, HOUR.format(since));
    }

    static String kindText(SignalKind kind) {
        return switch (kind) {
            case VOLUME -> "mentions";
            case NEGATIVE_VOLUME -> "negative mentions";
            case NEGATIVE_SHARE -> "share of negative mentions";
            case REACH -> "reach";
            case ITEM_VIRALITY -> "engagement of one item";
            case COPY_SPREAD -> "copies of one text";
        };
    }

    /** Stable across replays: the same first signal always opens the same incident id. */
    static String incidentId(SpikeSignal first) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    (first.brand() + "|" + first.kind() + "|" + first.signalId()).getBytes(StandardCharsets.UTF_8));
            return "inc-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
