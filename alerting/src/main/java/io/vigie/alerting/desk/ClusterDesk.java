package io.vigie.alerting.desk;

import io.vigie.alerting.desk.ActionQueuedException;
import io.vigie.alerting.desk.IncidentDesk;
import io.vigie.alerting.desk.IncidentFollower;
import io.vigie.alerting.owner.IncidentRouter;

import io.vigie.model.IncidentCommand;
import io.vigie.model.IncidentEvent;
import io.vigie.model.JsonSerde;
import io.vigie.model.Silence;
import io.vigie.model.Topics;
import io.vigie.runtime.connect.KafkaConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
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
 * The API's view in a running stage, the same on every instance: incidents as the followed {@code incidents} topic
 * has them; a person's action written to {@code incident.actions} under the brand's key, so it reaches the one
 * instance that owns the brand, which applies it (or refuses it) and answers on the same topic. Silences go
 * through the router (written to the {@code silences} topic, followed by every instance).
 */
public final class ClusterDesk implements IncidentDesk, AutoCloseable {
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(15);
    /** After the answer, how long to wait for this instance's follower to show the same incident version. */
    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(2);

    private final IncidentFollower follower;
    private final IncidentRouter router;
    private final Clock clock;
    private final KafkaProducer<String, byte[]> producer;
    private final JsonSerde<IncidentCommand> serde = JsonSerde.of(IncidentCommand.class);

    public ClusterDesk(KafkaConnection kafka, IncidentFollower follower, IncidentRouter router, Clock clock) {
        this.follower = follower;
        this.router = router;
        this.clock = clock;
        var p = kafka.producerConfig();
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public List<IncidentEvent> incidents() {
        return follower.incidents().stream().sorted(Comparator.comparing(IncidentEvent::openedAt)).toList();
    }

    @Override
    public Optional<IncidentEvent> incident(String incidentId) {
        return follower.incident(incidentId);
    }

    @Override
    public IncidentEvent act(String incidentId, String action, String actor, String note) {
        IncidentEvent known = follower.incident(incidentId)
                .orElseThrow(() -> new NoSuchElementException("no incident " + incidentId));
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("say who you are: actor is required");
        }
        IncidentCommand request = new IncidentCommand(0, "cmd-" + UUID.randomUUID(), incidentId, known.brand(),
                action, actor, note, clock.instant(), null, null, null, null);
        CompletableFuture<IncidentCommand> answer = follower.answerTo(request.commandId());
        try {
            producer.send(new ProducerRecord<>(Topics.INCIDENT_ACTIONS, request.brand(), serde.encode(request)))
                    .get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            IncidentCommand got = answer.get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (IncidentCommand.REJECTED.equals(got.outcome())) {
                throw switch (String.valueOf(got.errorKind())) {
                    case "NOT_FOUND" -> new NoSuchElementException(got.error());
                    case "BAD_REQUEST" -> new IllegalArgumentException(got.error());
                    default -> new IllegalStateException(got.error());
                };
            }
            awaitFollowed(got.incident());
            return got.incident();
        } catch (TimeoutException e) {
            throw new ActionQueuedException("the " + action + " of incident " + incidentId + " is queued: the "
                    + "instance owning brand " + known.brand() + " did not answer within " + ANSWER_WAIT.toSeconds()
                    + " s; it will be applied when that brand is taken over");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the answer to " + action, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send the " + action + " of " + incidentId + ": " + e.getCause(),
                    e.getCause());
        } finally {
            follower.forget(request.commandId());
        }
    }

    /** So that a GET right after the action, on this instance, shows it. */
    private void awaitFollowed(IncidentEvent result) throws InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<IncidentEvent> seen = follower.incident(result.incidentId());
            if (seen.isPresent() && seen.get().history().size() >= result.history().size()) {
                return;
            }
            Thread.sleep(5);
        }
    }

    @Override
    public Collection<Silence> silences() {
        return router.silences();
    }

    @Override
    public Optional<Silence> silence(String silenceId) {
        return router.silence(silenceId);
    }

    @Override
    public Silence addSilence(Silence silence) {
        return router.addSilence(silence);
    }

    @Override
    public boolean deleteSilence(String silenceId, String actor) {
        return router.deleteSilence(silenceId, actor);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
