package io.vigie.dashboards.index;

import static io.vigie.dashboards.index.IndexerFixture.await;
import static io.vigie.dashboards.index.IndexerFixture.quietly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.dashboards.desk.ResponseDesk;
import io.vigie.dashboards.follow.TopicFollower;
import io.vigie.model.ResponseChange;
import io.vigie.model.ResponseChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The response state reaches the mention's document exactly once, against the real broker and Elasticsearch:
 * whether the response comes after the mention is indexed or before, and across a restart that replays the
 * whole {@code mention.responses} topic.
 */
class ResponseMergeIT {
    static final Instant NOVEMBER = Instant.parse("2026-11-20T10:00:00Z");

    /** One dashboards instance's response path: follower, desk, response indexer, mention indexer. */
    static final class Instance implements AutoCloseable {
        final TopicFollower follower;
        final ResponseDesk desk;
        final ResponseIndexer responses;
        final MentionIndexer mentions;

        Instance(IndexerFixture it, String name) throws InterruptedException {
            follower = new TopicFollower("it-follower-" + name, it.cluster.kafka(), Clock.systemUTC());
            desk = new ResponseDesk(it.cluster.kafka(), follower);
            responses = new ResponseIndexer(it.cluster.elasticsearch(), it.alias, desk);
            mentions = new MentionIndexer(it.settings(), it.cluster.kafka(), it.cluster.elasticsearch(),
                    it.run + "-" + name, Clock.systemUTC(), responses);
            responses.start();
            follower.start();
            assertTrue(follower.awaitReady(Duration.ofSeconds(60)), "follower caught up");
            mentions.start();
            assertTrue(mentions.awaitReady(Duration.ofSeconds(90)), "indices ready");
        }

        @Override
        public void close() {
            mentions.close();
            follower.close();
            responses.close();
            desk.close();
        }
    }

    static ResponseChange change(String action, String actor, String assignee, ResponseChannel channel, String url,
            String reason) {
        return new ResponseChange("ch-" + UUID.randomUUID(), action, actor, Instant.now(), assignee, channel, url,
                reason, null);
    }

    static GetResponse<JsonNode> doc(IndexerFixture it, String id) throws Exception {
        return it.elasticsearch.get(g -> g.index(it.alias + "-2026.11").id(id), JsonNode.class);
    }

    static long responseVersion(IndexerFixture it, String id) throws Exception {
        GetResponse<JsonNode> got = doc(it, id);
        return got.found() ? got.source().path("response").path("version").asLong(0) : -1;
    }

    @Test
    void responsesAreMergedOnceWhetherTheyComeBeforeOrAfterTheMentionAndAReplayWritesNothing() throws Exception {
        try (IndexerFixture it = new IndexerFixture()) {
            String indexedFirst = it.run + "-indexed-first";
            String answeredFirst = it.run + "-answered-first";
            long afterFirstInstance;
            try (Instance one = new Instance(it, "one")) {
                // 1. The mention is indexed, then assigned and answered.
                it.send(Samples.mention(indexedFirst, it.source, NOVEMBER, 1));
                it.flush();
                await("mention indexed", Duration.ofSeconds(60), quietly(() -> doc(it, indexedFirst).found()));
                one.desk.change(indexedFirst, "kryptonite", NOVEMBER,
                        change(ResponseChange.ASSIGN, "alice", "bob", null, null, null));
                one.desk.change(indexedFirst, "kryptonite", NOVEMBER, change(ResponseChange.ANSWER, "bob", null,
                        ResponseChannel.SAME_THREAD, "https://bikeforums.net/t/123#reply-1", null));
                await("answer merged", Duration.ofSeconds(30), quietly(() -> responseVersion(it, indexedFirst) == 2));
                JsonNode response = doc(it, indexedFirst).source().path("response");
                assertEquals("ANSWERED", response.path("status").asText());
                assertEquals("bob", response.path("assignee").asText());
                assertEquals("SAME_THREAD", response.path("channel").asText());
                assertEquals("https://bikeforums.net/t/123#reply-1", response.path("replyUrl").asText());
                assertFalse(response.path("waiting").asBoolean());

                // 2. The response comes before the mention is indexed.
                one.desk.change(answeredFirst, "kryptonite", NOVEMBER, change(ResponseChange.NO_ANSWER_NEEDED,
                        "alice", null, null, null, "a bot reposting the news"));
                it.send(Samples.mention(answeredFirst, it.source, NOVEMBER, 1));
                it.flush();
                await("early response on the document", Duration.ofSeconds(60),
                        quietly(() -> responseVersion(it, answeredFirst) == 1));
                assertEquals("NO_ANSWER_NEEDED", doc(it, answeredFirst).source().path("response").path("status").asText());

                // 3. A newer version of the mention keeps the response; the same version delivered again too.
                it.send(Samples.mention(indexedFirst, it.source, NOVEMBER, 2));
                it.send(Samples.mention(indexedFirst, it.source, NOVEMBER, 2));
                it.flush();
                await("mention v2 indexed", Duration.ofSeconds(60),
                        quietly(() -> doc(it, indexedFirst).source().path("version").asLong() == 2));
                await("both deliveries handled", Duration.ofSeconds(60), quietly(() -> it.uncommitted() == 0));
                Thread.sleep(1500); // anything still due from the indexer's word would be written by now
                assertEquals(2, responseVersion(it, indexedFirst), "the new mention version kept the answer");
                assertEquals("ANSWERED", doc(it, indexedFirst).source().path("response").path("status").asText());

                // Each response version was written at most once: the documents' _version counts the writes.
                ResponseIndexer.Stats stats = one.responses.stats();
                long indexedFirstWrites = doc(it, indexedFirst).version()
                        - MentionDocument.externalVersion(2);
                assertTrue(indexedFirstWrites <= 2, "partial writes on the v2 document: " + indexedFirstWrites);
                System.out.printf("response merge: %s, partial writes since mention v2: %d%n", stats,
                        indexedFirstWrites);
                afterFirstInstance = doc(it, indexedFirst).version();
            }

            // 4. A restart replays the whole topic: every document already holds its version, nothing is written.
            try (Instance two = new Instance(it, "two")) {
                await("replayed responses read", Duration.ofSeconds(30),
                        quietly(() -> two.desk.response(indexedFirst).isPresent()
                                && two.desk.response(answeredFirst).isPresent()));
                Thread.sleep(3000);
                System.out.printf("response merge after restart: %s%n", two.responses.stats());
                assertEquals(0, two.responses.stats().written(), two.responses.stats().toString());
                assertTrue(two.responses.stats().upToDate() >= 2, two.responses.stats().toString());
                assertEquals(afterFirstInstance, doc(it, indexedFirst).version(), "no write on replay");
                assertEquals(2, responseVersion(it, indexedFirst));
                assertEquals(1, responseVersion(it, answeredFirst));
                assertEquals("ANSWERED", two.desk.response(indexedFirst).orElseThrow().status().name());
            }
        }
    }
}
