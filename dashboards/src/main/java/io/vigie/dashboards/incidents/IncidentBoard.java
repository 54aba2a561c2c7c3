package io.vigie.dashboards.incidents;

import io.vigie.dashboards.follow.TopicFollower;
import io.vigie.model.IncidentCommand;
import io.vigie.model.IncidentEvent;
import io.vigie.model.IncidentStatus;
import io.vigie.model.JsonSerde;
import io.vigie.model.Notification;
import io.vigie.model.Silence;
import io.vigie.model.Topics;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Every incident, silence and answer to an action as this instance knows them, kept live: {@code incidents} and
 * {@code silences} (compacted) from their beginning, the owner's answers on {@code incident.actions} from the end
 * (only requests made after the start wait for one), and the deliveries of {@code notifications} (the outbox keeps a
 * week; each change of a notification's state is a new record, the latest wins). Followed with {@code read_committed}, as alerting's
 * {@code IncidentFollower} does, since alerting writes incidents in transactions.
 */
public final class IncidentBoard {
    /** Told of every incident that changed, on the follower's thread: keep it quick. */
    public interface Listener {
        void changed(IncidentEvent incident);
    }

    private final JsonSerde<IncidentEvent> incidentSerde = JsonSerde.of(IncidentEvent.class);
    private final JsonSerde<Silence> silenceSerde = JsonSerde.of(Silence.class);
    private final JsonSerde<IncidentCommand> commandSerde = JsonSerde.of(IncidentCommand.class);
    private final Map<String, IncidentEvent> incidents = new ConcurrentHashMap<>();
    private final Map<String, Silence> silences = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<IncidentCommand>> answers = new ConcurrentHashMap<>();
    private final JsonSerde<Notification> notificationSerde = JsonSerde.of(Notification.class);
    /** Per incident id, its notifications by id (latest state); a message that groups incidents is under each. */
    private final Map<String, Map<String, Delivery>> deliveries = new ConcurrentHashMap<>();
    /** Bounds the memory an incident notified in a loop (a receiver failing for days) can take. */
    static final int DELIVERIES_PER_INCIDENT = 500;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public IncidentBoard(TopicFollower follower) {
        follower.fromBeginning(Topics.INCIDENTS, this::takeIncident)
                .fromBeginning(Topics.SILENCES, this::takeSilence)
                .fromEnd(Topics.INCIDENT_ACTIONS, this::takeCommand)
                .fromBeginning(Topics.NOTIFICATIONS, this::takeNotification);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Open first, then acknowledged, then resolved; newest first within each. */
    public List<IncidentEvent> incidents() {
        return incidents.values().stream()
                .sorted(Comparator.comparing((IncidentEvent i) -> statusRank(i.status()))
                        .thenComparing(IncidentEvent::openedAt, Comparator.reverseOrder()))
                .toList();
    }

    public List<IncidentEvent> incidents(IncidentStatus status) {
        return incidents().stream().filter(i -> i.status() == status).toList();
    }

    public Optional<IncidentEvent> incident(String incidentId) {
        return Optional.ofNullable(incidents.get(incidentId));
    }

    /** Incidents of a brand not resolved: a mention of that brand belongs to its crisis. */
    public List<IncidentEvent> unresolved(String brand) {
        return incidents().stream()
                .filter(i -> i.brand().equals(brand) && i.status() != IncidentStatus.RESOLVED).toList();
    }

    /** The notifications sent about an incident, oldest first, each at its latest delivery state. */
    public List<Delivery> deliveries(String incidentId) {
        Map<String, Delivery> of = deliveries.get(incidentId);
        return of == null ? List.of() : of.values().stream()
                .sorted(Comparator.comparing(Delivery::createdAt).thenComparing(Delivery::notificationId)).toList();
    }

    /** Silences in force now. */
    public List<Silence> activeSilences(Instant now) {
        return silences.values().stream().filter(s -> s.activeAt(now))
                .sorted(Comparator.comparing(Silence::endsAt)).toList();
    }

    public Collection<Silence> silences() {
        return List.copyOf(silences.values());
    }

    /** Registers interest in the owner's answer to a request, before the request is sent. */
    CompletableFuture<IncidentCommand> answerTo(String commandId) {
        return answers.computeIfAbsent(commandId, k -> new CompletableFuture<>());
    }

    void forget(String commandId) {
        answers.remove(commandId);
    }

    void takeIncident(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            incidents.remove(r.key());
            deliveries.remove(r.key());
            return;
        }
        IncidentEvent incident = incidentSerde.decode(r.value());
        incidents.put(incident.incidentId(), incident);
        for (Listener l : listeners) {
            l.changed(incident);
        }
    }

    void takeNotification(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return;
        }
        Notification n = notificationSerde.decode(r.value());
        for (IncidentEvent about : n.incidents()) {
            Map<String, Delivery> of = deliveries.computeIfAbsent(about.incidentId(),
                    k -> java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>()));
            if (of.size() < DELIVERIES_PER_INCIDENT || of.containsKey(n.notificationId())) {
                of.put(n.notificationId(), Delivery.of(n, about.incidentId()));
            }
        }
    }

    void takeSilence(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            silences.remove(r.key());
        } else {
            Silence s = silenceSerde.decode(r.value());
            silences.put(s.silenceId(), s);
        }
    }

    void takeCommand(ConsumerRecord<String, byte[]> r) {
        IncidentCommand command = commandSerde.decode(r.value());
        if (command.isAnswer()) {
            CompletableFuture<IncidentCommand> waiting = answers.remove(command.commandId());
            if (waiting != null) {
                waiting.complete(command);
            }
            if (command.incident() != null) {
                // The answer carries the incident after the action: show it before the incidents topic catches up.
                IncidentEvent known = incidents.get(command.incidentId());
                if (known == null || known.history().size() < command.incident().history().size()) {
                    incidents.put(command.incidentId(), command.incident());
                    for (Listener l : listeners) {
                        l.changed(command.incident());
                    }
                }
            }
        }
    }

    private static int statusRank(IncidentStatus s) {
        return switch (s) {
            case OPEN -> 0;
            case ACKNOWLEDGED -> 1;
            default -> 2;
        };
    }
}
