package io.vigie.dashboards.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.dashboards.follow.TopicFollower;
import io.vigie.model.IncidentAction;
import io.vigie.model.IncidentCommand;
import io.vigie.model.IncidentEvent;
import io.vigie.model.IncidentStatus;
import io.vigie.model.JsonSerde;
import io.vigie.model.Notification;
import io.vigie.model.Schema;
import io.vigie.model.Severity;
import io.vigie.model.SignalKind;
import io.vigie.model.Topics;
import io.vigie.runtime.connect.KafkaConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class IncidentBoardTest {
    static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    final IncidentBoard board = new IncidentBoard(
            new TopicFollower("test", KafkaConnection.plaintext("127.0.0.1:1"), Clock.systemUTC()));

    static IncidentEvent incident(String id, IncidentStatus status, int openedMinute, IncidentAction... history) {
        return new IncidentEvent(Schema.VERSION, id, "kryptonite", SignalKind.NEGATIVE_VOLUME, Severity.CRITICAL,
                status, T0.plusSeconds(60L * openedMinute), T0, null, 36, 3, "negative mentions 12x expected",
                List.of("sig-1"), List.of("m1"), List.of(history));
    }

    static <T> ConsumerRecord<String, byte[]> record(String topic, String key, T value, Class<T> type) {
        return new ConsumerRecord<>(topic, 0, 0, key, value == null ? null : JsonSerde.of(type).encode(value));
    }

    @Test
    void theBoardListsOpenThenAcknowledgedThenResolvedNewestFirstAndFollowsTombstones() {
        board.takeIncident(record(Topics.INCIDENTS, "a", incident("a", IncidentStatus.RESOLVED, 5), IncidentEvent.class));
        board.takeIncident(record(Topics.INCIDENTS, "b", incident("b", IncidentStatus.OPEN, 1), IncidentEvent.class));
        board.takeIncident(record(Topics.INCIDENTS, "c", incident("c", IncidentStatus.OPEN, 3), IncidentEvent.class));
        board.takeIncident(record(Topics.INCIDENTS, "d", incident("d", IncidentStatus.ACKNOWLEDGED, 9),
                IncidentEvent.class));
        assertEquals(List.of("c", "b", "d", "a"), board.incidents().stream().map(IncidentEvent::incidentId).toList());
        assertEquals(3, board.unresolved("kryptonite").size());
        board.takeIncident(record(Topics.INCIDENTS, "a", null, IncidentEvent.class));
        assertTrue(board.incident("a").isEmpty());
    }

    @Test
    void theOwnersAnswerCompletesTheWaitingRequestAndUpdatesTheBoardAtOnce() throws Exception {
        List<String> changed = new ArrayList<>();
        board.addListener(i -> changed.add(i.incidentId() + ":" + i.status()));
        board.takeIncident(record(Topics.INCIDENTS, "b", incident("b", IncidentStatus.OPEN, 1), IncidentEvent.class));
        IncidentCommand request = new IncidentCommand(0, "cmd-1", "b", "kryptonite", "acknowledged", "alice", null,
                T0, null, null, null, null);
        var waiting = board.answerTo("cmd-1");
        board.takeCommand(record(Topics.INCIDENT_ACTIONS, "kryptonite", request, IncidentCommand.class));
        assertTrue(!waiting.isDone(), "a request is not an answer");
        IncidentEvent acked = incident("b", IncidentStatus.ACKNOWLEDGED, 1,
                new IncidentAction("acknowledged", "alice", T0.plusSeconds(90), null));
        board.takeCommand(record(Topics.INCIDENT_ACTIONS, "kryptonite", request.applied(acked), IncidentCommand.class));
        assertEquals(IncidentStatus.ACKNOWLEDGED, waiting.get().incident().status());
        assertEquals(IncidentStatus.ACKNOWLEDGED, board.incident("b").orElseThrow().status());
        assertEquals(List.of("b:OPEN", "b:ACKNOWLEDGED"), changed);
    }

    @Test
    void aSecondAcknowledgementSaysWhoWon() {
        IncidentEvent acked = incident("b", IncidentStatus.ACKNOWLEDGED, 1,
                new IncidentAction("opened", "vigie", T0, null),
                new IncidentAction("acknowledged", "alice", T0.plusSeconds(90), "on it"));
        IncidentCommand bobs = new IncidentCommand(0, "cmd-2", "b", "kryptonite", "acknowledged", "bob", null,
                T0.plusSeconds(91), null, null, null, null).rejected("CONFLICT", "incident b is ACKNOWLEDGED");
        IncidentActions.Outcome outcome = IncidentActions.outcome(bobs, acked);
        assertEquals("CONFLICT", outcome.kind());
        assertEquals("alice", outcome.winner().actor());
        assertEquals(T0.plusSeconds(90), outcome.winner().at());
        IncidentActions.Outcome notFound = IncidentActions.outcome(bobs.rejected("NOT_FOUND", "no incident"), null);
        assertNull(notFound.winner());
    }

    @Test
    void aSilenceMutesTheIncidentsBrandForItsDurationAndNeedsAReason() {
        var silence = IncidentActions.silenceFor("kryp\"tonite", Duration.ofHours(2), " planned campaign ", "alice",
                T0);
        assertEquals(List.of("brand=\"kryp\\\"tonite\""), silence.matchers());
        assertEquals(T0.plus(Duration.ofHours(2)), silence.endsAt());
        assertEquals("alice", silence.author());
        assertEquals("planned campaign", silence.reason());
        assertThrows(IllegalArgumentException.class,
                () -> IncidentActions.silenceFor("k", Duration.ofHours(2), " ", "alice", T0));
        assertThrows(IllegalArgumentException.class,
                () -> IncidentActions.silenceFor("k", Duration.ofDays(31), "x", "alice", T0));
        assertThrows(IllegalArgumentException.class,
                () -> IncidentActions.silenceFor("k", Duration.ZERO, "x", "alice", T0));
    }

    @Test
    void eachNotificationIsListedUnderEveryIncidentItTellsAtItsLatestDeliveryState() {
        IncidentEvent a = incident("a", IncidentStatus.OPEN, 1);
        IncidentEvent b = incident("b", IncidentStatus.OPEN, 2);
        board.takeIncident(record(Topics.INCIDENTS, "a", a, IncidentEvent.class));
        Notification pending = new Notification(Schema.VERSION, "ntf-1", "a", "team-hook", "webhook", "OPENED", 0,
                Notification.DeliveryStatus.PENDING, 1, T0, T0.plusSeconds(5), T0, "HTTP 503", a, List.of(b));
        Notification paged = new Notification(Schema.VERSION, "ntf-2", "a", "manager-sms", "sms", "ESCALATED", 1,
                Notification.DeliveryStatus.PENDING, 0, T0.plusSeconds(60), null, T0.plusSeconds(60), null, a, List.of());
        board.takeNotification(record(Topics.NOTIFICATIONS, "ntf-1", pending, Notification.class));
        board.takeNotification(record(Topics.NOTIFICATIONS, "ntf-2", paged, Notification.class));
        board.takeNotification(record(Topics.NOTIFICATIONS, "ntf-1", pending.delivered(T0.plusSeconds(7)),
                Notification.class));

        List<Delivery> ofA = board.deliveries("a");
        assertEquals(List.of("ntf-1", "ntf-2"), ofA.stream().map(Delivery::notificationId).toList());
        assertEquals(Notification.DeliveryStatus.DELIVERED, ofA.get(0).status(), "the latest state wins");
        assertEquals(2, ofA.get(0).attempts());
        assertNull(ofA.get(0).lastError());
        assertEquals("sms", ofA.get(1).channel());
        assertEquals(1, ofA.get(1).escalationLevel());
        assertTrue(ofA.get(0).lead());
        // The grouped message also told b.
        List<Delivery> ofB = board.deliveries("b");
        assertEquals(List.of("ntf-1"), ofB.stream().map(Delivery::notificationId).toList());
        assertTrue(!ofB.get(0).lead(), "told in a's message");
        assertEquals(List.of(), board.deliveries("unknown"));
        // A deleted incident takes its deliveries with it.
        board.takeIncident(record(Topics.INCIDENTS, "a", null, IncidentEvent.class));
        assertEquals(List.of(), board.deliveries("a"));
    }
}
