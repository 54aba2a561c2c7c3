package io.vigie.runtime.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigie.model.Topics;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicAdminTest {

    @Test
    void aCompactedTopicKeepsItsRecordsForever() {
        assertEquals(Map.of("cleanup.policy", "compact", "retention.ms", "-1"),
                TopicAdmin.topicConfig(Topics.spec(Topics.INCIDENTS)));
    }

    @Test
    void aDeletedTopicTakesItsRetentionFromTheSpec() {
        assertEquals(Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(7L * 24 * 3600 * 1000)),
                TopicAdmin.topicConfig(Topics.spec(Topics.MENTIONS_RAW)));
    }

    @Test
    void aNewTopicHasTheSpecPartitionsAndTheClusterDefaultReplication() {
        NewTopic t = TopicAdmin.newTopic(Topics.spec(Topics.MENTIONS_SCORED));
        assertEquals(Topics.spec(Topics.MENTIONS_SCORED).partitions(), t.numPartitions());
        assertEquals(-1, t.replicationFactor(), "-1 asks the broker for its default.replication.factor");
    }
}
