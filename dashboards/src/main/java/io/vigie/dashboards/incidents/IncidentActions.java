package io.vigie.dashboards.incidents;

import io.vigie.model.IncidentAction;
import io.vigie.model.IncidentCommand;
import io.vigie.model.IncidentEvent;
import io.vigie.model.JsonSerde;
import io.vigie.model.Silence;
import io.vigie.model.Topics;
import io.vigie.runtime.connect.KafkaConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * People's actions on incidents from the desk, sent the way alerting's API sends them: an
 * {@link IncidentCommand} on {@code incident.actions}, keyed by brand so the brand's owner applies it in order with
 * its signals, then the owner's answer read back. A silence is written to {@code silences}, as alerting's API
 * does, for the incident's brand. The actor always comes from the caller's session.
 */
public final class IncidentActions implements AutoCloseable {
    /** The history action names alerting understands (its {@code Actions}). */
    public static final Set<String> ACTIONS = Set.of("acknowledged", "resolved", "reopened", "note");
    static final Duration ANSWER_WAIT = Duration.ofSeconds(15);
    static final Duration LONGEST_SILENCE = Duration.ofDays(30);

    /**
     * What became of an action.
     *
     * @param kind APPLIED, QUEUED (the owner did not answer in time; applied at takeover), NOT_FOUND, CONFLICT or
     *     BAD_REQUEST
     * @param winner for a CONFLICT: the earlier action of the same kind that won (e.g. someone else's
     *     acknowledgement), when the incident's history has it
     */
    public record Outcome(String kind, IncidentEvent incident, String error, IncidentAction winner) {
        public boolean applied() {
            return "APPLIED".equals(kind);
        }
    }

    private final IncidentBoard board;
    private final Clock clock;
    private final KafkaProducer<String, byte[]> producer;
    private final JsonSerde<IncidentCommand> commands = JsonSerde.of(IncidentCommand.class);
    private final JsonSerde<Silence> silences = JsonSerde.of(Silence.class);

    public IncidentActions(KafkaConnection kafka, IncidentBoard board, Clock clock) {
        this.board = board;
        this.clock = clock;
        var p = kafka.producerConfig();
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Acknowledge, resolve, reopen or note an incident as {@code actor}; waits for the owner's answer. */
    public Outcome act(String incidentId, String action, String actor, String note) {
        if (!ACTIONS.contains(action)) {
            return new Outcome("BAD_REQUEST", null, "unknown action " + action, null);
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an action needs the signed-in user");
        }
        if ("note".equals(action) && (note == null || note.isBlank())) {
            return new Outcome("BAD_REQUEST", null, "a note needs its text", null);
        }
        Optional<IncidentEvent> known = board.incident(incidentId);
        if (known.isEmpty()) {
            return new Outcome("NOT_FOUND", null, "no incident " + incidentId, null);
        }
        IncidentCommand request = new IncidentCommand(0, "cmd-" + UUID.randomUUID(), incidentId, known.get().brand(),
                action, actor, note, clock.instant(), null, null, null, null);
        CompletableFuture<IncidentCommand> answer = board.answerTo(request.commandId());
        try {
            producer.send(new ProducerRecord<>(Topics.INCIDENT_ACTIONS, request.brand(), commands.encode(request)))
                    .get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            IncidentCommand got = answer.get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return outcome(got, board.incident(incidentId).orElse(known.get()));
        } catch (TimeoutException e) {
            return new Outcome("QUEUED", known.get(), "the owner of brand " + known.get().brand()
                    + " did not answer within " + ANSWER_WAIT.toSeconds() + " s; it will apply it when the brand is"
                    + " taken over", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the answer to " + action, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send the " + action + " of " + incidentId + ": " + e.getCause(),
                    e.getCause());
        } finally {
            board.forget(request.commandId());
        }
    }

    /** The owner's answer as the page shows it; for a conflict, who did the same thing first. */
    static Outcome outcome(IncidentCommand answer, IncidentEvent latest) {
        if (IncidentCommand.APPLIED.equals(answer.outcome())) {
            return new Outcome("APPLIED", answer.incident(), null, null);
        }
        String kind = answer.errorKind() == null ? "CONFLICT" : answer.errorKind();
        IncidentAction winner = "CONFLICT".equals(kind) ? winner(latest, answer.action()).orElse(null) : null;
        return new Outcome(kind, latest, answer.error(), winner);
    }

    /** The latest entry of that action in the incident's history: what a refused duplicate lost to. */
    static Optional<IncidentAction> winner(IncidentEvent incident, String action) {
        if (incident == null) {
            return Optional.empty();
        }
        List<IncidentAction> history = incident.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).action().equals(action)) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    /** Silences the incident's brand for {@code duration}, as {@code actor}, with a reason the next person reads. */
    public Silence silence(String incidentId, Duration duration, String reason, String actor) {
        IncidentEvent incident = board.incident(incidentId)
                .orElseThrow(() -> new NoSuchElementException("no incident " + incidentId));
        Silence silence = silenceFor(incident.brand(), duration, reason, actor, clock.instant());
        try {
            producer.send(new ProducerRecord<>(Topics.SILENCES, silence.silenceId(), silences.encode(silence)))
                    .get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the silence", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write the silence: " + e, e);
        }
        return silence;
    }

    static Silence silenceFor(String brand, Duration duration, String reason, String actor, Instant now) {
        if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST_SILENCE) > 0) {
            throw new IllegalArgumentException("a silence lasts more than 0 and at most 30 days");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("say why: the next on-call person reads it");
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a silence needs the signed-in user");
        }
        String matcher = "brand=\"" + brand.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return new Silence(0, "sil-" + UUID.randomUUID(), List.of(matcher), now, now.plus(duration), actor,
                reason.strip(), now);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
