package io.vigie.dashboards.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.dashboards.index.OffsetTracker.Position;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
    private static final TopicPartition P0 = new TopicPartition("mentions.scored", 0);
    private static final TopicPartition P1 = new TopicPartition("mentions.scored", 1);

    @Test
    void nothingIsCommittedBeforeTheFirstRecordIsHandled() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.assign(P0);
        assertEquals(Optional.empty(), tracker.commitPoint(P0));
        tracker.read(P0, 0);
        assertEquals(Optional.of(0L), tracker.commitPoint(P0));
        tracker.committed(P0, 0);
        assertEquals(Optional.empty(), tracker.commitPoint(P0));
    }

    @Test
    void theCommitPointStopsAtTheFirstUnacknowledgedOffset() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.assign(P0);
        Position a = tracker.read(P0, 10);
        Position b = tracker.read(P0, 11);
        Position c = tracker.read(P0, 12);
        tracker.handled(b);
        tracker.handled(c);
        assertEquals(Optional.of(10L), tracker.commitPoint(P0), "11 and 12 are acknowledged but 10 is not");
        tracker.handled(a);
        assertEquals(Optional.of(13L), tracker.commitPoint(P0));
    }

    @Test
    void gapsLeftByTransactionMarkersDoNotHoldTheCommitBack() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.assign(P0);
        Position a = tracker.read(P0, 0);
        Position b = tracker.read(P0, 2); // offset 1 is a commit marker, never delivered
        tracker.handled(a);
        assertEquals(Optional.of(2L), tracker.commitPoint(P0));
        tracker.handled(b);
        assertEquals(Optional.of(3L), tracker.commitPoint(P0));
    }

    @Test
    void anAcknowledgementFromAnEarlierAssignmentIsIgnored() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.assign(P0);
        Position before = tracker.read(P0, 5);
        tracker.revoke(P0);
        tracker.assign(P0);
        Position again = tracker.read(P0, 5);
        assertFalse(tracker.isCurrent(before));
        assertFalse(tracker.handled(before));
        assertEquals(1, tracker.unhandledCount(P0));
        assertTrue(tracker.handled(again));
        assertEquals(0, tracker.unhandledCount(P0));
    }

    @Test
    void aRevokedPartitionHasNoCommitPoint() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.assign(P0);
        tracker.assign(P1);
        tracker.handled(tracker.read(P0, 0));
        tracker.handled(tracker.read(P1, 7));
        tracker.revoke(P1);
        assertEquals(Map.of(P0, 1L), tracker.commitPoints());
    }

    @Test
    void unhandledRecordsAreCountedOverAllPartitions() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.assign(P0);
        tracker.assign(P1);
        tracker.read(P0, 0);
        tracker.read(P0, 1);
        tracker.read(P1, 0);
        assertEquals(3, tracker.unhandledCount());
        assertEquals(2, tracker.unhandledCount(P0));
    }

    @Test
    void aSeekBackwardsForgetsWhatWillBeReadAgain() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.assign(P0);
        tracker.read(P0, 0);
        tracker.read(P0, 1);
        tracker.read(P0, 2);
        Position again = tracker.read(P0, 1);
        assertEquals(2, tracker.unhandledCount(P0), "0 and the new 1 remain");
        tracker.handled(again);
        assertEquals(Optional.of(0L), tracker.commitPoint(P0));
    }

    @Test
    void readingAnUnassignedPartitionIsABug() {
        assertThrows(IllegalStateException.class, () -> new OffsetTracker().read(P0, 0));
    }
}
