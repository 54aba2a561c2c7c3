package io.vigie.dashboards.index;

import static io.vigie.dashboards.index.IndexerFixture.await;
import static io.vigie.dashboards.index.IndexerFixture.quietly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.model.DeadLetter;
import io.vigie.model.ScoredMention;
import io.vigie.model.Topics;
import io.vigie.model.VigieJson;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The indexer against the real broker and the real Elasticsearch. */
class MentionIndexerIT {
    private static final Instant NOVEMBER = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void goodMentionsBecomeSearchableThroughTheAliasAndBadRecordsGoToTheDeadLetterTopicWithTheirReason()
            throws Exception {
        try (IndexerFixture it = new IndexerFixture()) {
            // A month whose index an operator created with a mapping that contradicts the template: Elasticsearch
            // refuses the document (source is not a number), a real per-document rejection.
            it.elasticsearch.indices().create(c -> c.index(it.alias + "-2001.01")
                    .withJson(new StringReader("{\"mappings\":{\"properties\":{\"source\":{\"type\":\"long\"}}}}")));
            for (int i = 0; i < 20; i++) {
                it.send(Samples.mention(it.run + "-good-" + i, it.source, NOVEMBER.plusSeconds(i), 1));
            }
            it.sendRaw(it.run + "-not-json", "{\"schemaVersion\": 1, \"mention\": ".getBytes(StandardCharsets.UTF_8));
            String noId = new String(JsonSerde_encode(Samples.mention("placeholder", it.source, NOVEMBER, 1)),
                    StandardCharsets.UTF_8).replace("\"id\":\"placeholder\",", "");
            it.sendRaw(it.run + "-no-id", noId.getBytes(StandardCharsets.UTF_8));
            it.send(Samples.mention(it.run + "-refused", it.source, Instant.parse("2001-01-15T12:00:00Z"), 1));
            // Fits on the topic (1 MB) but not base64-encoded inside a dead letter.
            it.sendRaw(it.run + "-huge", "x".repeat(900_000).getBytes(StandardCharsets.UTF_8));
            it.flush();

            try (MentionIndexer indexer = it.indexer("a")) {
                indexer.start();
                await("20 documents through the alias", Duration.ofSeconds(90), quietly(() -> it.countThroughAlias() == 20));
                await("every record committed", Duration.ofSeconds(60), quietly(() -> it.uncommitted() == 0));

                SearchResponse<JsonNode> accentBlind = it.elasticsearch.search(s -> s.index(it.alias)
                        .query(q -> q.bool(b -> b
                                .filter(f -> f.term(t -> t.field("source").value(it.source)))
                                .must(m -> m.match(mm -> mm.field("foldedText").query(FoldedText.of("equipe")))))),
                        JsonNode.class);
                assertEquals(20, accentBlind.hits().total().value(), "'equipe' finds 'L’équipe' in foldedText");

                SearchResponse<JsonNode> negativeAboutKryptonite = it.elasticsearch.search(s -> s.index(it.alias)
                        .query(q -> q.bool(b -> b
                                .filter(f -> f.term(t -> t.field("source").value(it.source)))
                                .filter(f -> f.nested(n -> n.path("brandSentiments").query(nq -> nq.bool(nb -> nb
                                        .filter(x -> x.term(t -> t.field("brandSentiments.brand").value("kryptonite")))
                                        .filter(x -> x.term(t -> t.field("brandSentiments.label").value("NEGATIVE"))))))))),
                        JsonNode.class);
                assertEquals(20, negativeAboutKryptonite.hits().total().value());

                GetAliasResponse aliases = it.elasticsearch.indices().getAlias(a -> a.name(it.alias));
                assertTrue(aliases.result().containsKey(it.alias + "-2026.11"), aliases.result().keySet().toString());
            }

            Map<String, DeadLetter> letters = it.deadLetters().stream()
                    .collect(Collectors.toMap(DeadLetter::key, d -> d, (a, b) -> a));
            assertEquals(List.of(it.run + "-huge", it.run + "-no-id", it.run + "-not-json", it.run + "-refused"),
                    letters.keySet().stream().sorted().toList());
            DeadLetter notJson = letters.get(it.run + "-not-json");
            assertEquals(MentionIndexer.STAGE, notJson.stage());
            assertEquals(Topics.MENTIONS_SCORED, notJson.sourceTopic());
            assertTrue(notJson.reason().startsWith("not valid JSON"), notJson.reason());
            assertEquals("{\"schemaVersion\": 1, \"mention\": ", new String(notJson.original(), StandardCharsets.UTF_8));
            assertTrue(letters.get(it.run + "-no-id").reason().contains("missing required field 'id'"),
                    letters.get(it.run + "-no-id").reason());
            DeadLetter refused = letters.get(it.run + "-refused");
            assertTrue(refused.reason().startsWith("elasticsearch refused the document"), refused.reason());
            assertTrue(refused.reason().contains("source"), refused.reason());
            assertTrue(refused.offset() != null && refused.partition() != null);
            DeadLetter huge = letters.get(it.run + "-huge");
            assertTrue(huge.reason().startsWith("not valid JSON"), huge.reason());
            assertTrue(huge.reason().endsWith("(original truncated from 900000 to 262144 bytes to fit in a dead letter)"),
                    huge.reason());
            assertEquals(262_144, huge.original().length);
        }
    }

    @Test
    void anIndexerClosedMidStreamAndReplacedLeavesEveryMentionIndexedExactlyOnce() throws Exception {
        int produced = 3000;
        try (IndexerFixture it = new IndexerFixture()) {
            MentionIndexer first = it.indexer("first");
            first.start();
            // Spread over three months, so a duplicate could hide in another monthly index.
            Instant[] months = {Instant.parse("2026-09-10T00:00:00Z"), Instant.parse("2026-10-10T00:00:00Z"), NOVEMBER};
            // The second half waits until the first indexer is closed: it is closed mid-stream by construction,
            // whatever the machine's speed (its group also has the other tests' records on the topic to read first).
            java.util.concurrent.CountDownLatch firstClosed = new java.util.concurrent.CountDownLatch(1);
            Thread writer = new Thread(() -> {
                for (int i = 0; i < produced; i++) {
                    if (i == produced / 2) {
                        it.flush();
                        try {
                            firstClosed.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    it.send(Samples.mention(it.run + "-" + i, it.source, months[i % 3].plusSeconds(i), 1));
                    if (i % 100 == 99) {
                        it.flush();
                        sleep(15);
                    }
                }
                it.flush();
            });
            writer.start();
            // Counted on this test's own source (countThroughAlias), not the indexer's total.
            await("the first indexer to have indexed some", Duration.ofSeconds(90), quietly(() -> it.countThroughAlias() > 300));
            first.close();
            firstClosed.countDown();
            long indexedByFirst = first.stats().indexed();
            long ownByFirst = it.countThroughAlias();
            assertTrue(ownByFirst < produced, "closed while records were still flowing: " + ownByFirst + " of " + produced);

            try (MentionIndexer second = it.indexer("second")) {
                second.start();
                writer.join();
                await(produced + " documents", Duration.ofSeconds(120), quietly(() -> it.countThroughAlias() >= produced));
                await("every record committed", Duration.ofSeconds(60), quietly(() -> it.uncommitted() == 0));
                assertEquals(produced, it.countThroughAlias(), "no duplicate through the alias");
                SearchResponse<JsonNode> ids = it.elasticsearch.search(s -> s.index(it.alias).size(0)
                        .query(q -> q.term(t -> t.field("source").value(it.source)))
                        .aggregations("ids", a -> a.terms(t -> t.field("id").size(produced + 10))), JsonNode.class);
                var buckets = ids.aggregations().get("ids").sterms().buckets().array();
                assertEquals(produced, buckets.size(), "distinct ids");
                assertTrue(buckets.stream().allMatch(b -> b.docCount() == 1), "each id exactly once");
                System.out.printf("restart: first instance indexed %d, second %d, produced %d%n",
                        indexedByFirst, second.stats().indexed(), produced);
            }
        }
    }

    /**
     * Readiness means the pages can trust the index: an instance replaying a backlog into its index (a new consumer
     * group) says it is not ready, then ready once it has caught up.
     */
    @Test
    void anIndexerReplayingABacklogIsNotReadyUntilItHasCaughtUp() throws Exception {
        int produced = 3000;
        try (IndexerFixture it = new IndexerFixture()) {
            for (int i = 0; i < produced; i++) {
                it.send(Samples.mention(it.run + "-b" + i, it.source, NOVEMBER.plusSeconds(i), 1));
            }
            it.flush();
            // Small, sequential bulks and a low threshold: the replay takes long enough to be seen.
            IndexerSettings slow = new IndexerSettings(true, it.alias, it.group, 50, null, 200, 1, 500, 200, 2000,
                    200, 1, "0-1", 100);
            try (MentionIndexer indexer = new MentionIndexer(slow, it.cluster.kafka(), it.cluster.elasticsearch(),
                    it.run + "-replay", java.time.Clock.systemUTC())) {
                indexer.start();
                assertTrue(indexer.awaitReady(Duration.ofSeconds(60)), "indices installed");
                boolean sawNotReady = false;
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (System.nanoTime() < deadline && !(sawNotReady && indexer.readyNow())) {
                    sawNotReady |= indexer.backlog() != Long.MAX_VALUE && !indexer.readyNow();
                    Thread.sleep(5);
                }
                assertTrue(sawNotReady, "not ready while replaying the backlog");
                assertTrue(indexer.readyNow(), "ready again once caught up, backlog " + indexer.backlog());
                assertTrue(indexer.backlog() < 100);
                await("the backlog indexed", Duration.ofSeconds(60), quietly(() -> it.countThroughAlias() >= produced));
            }
        }
    }

    @Test
    void anOlderVersionDeliveredLateDoesNotOverwriteANewerOne() throws Exception {
        try (IndexerFixture it = new IndexerFixture()) {
            String id = it.run + "-edited";
            it.send(Samples.mention(id, it.source, NOVEMBER, 3));
            it.send(Samples.mention(id, it.source, NOVEMBER, 2));
            it.flush();
            try (MentionIndexer indexer = it.indexer("v")) {
                indexer.start();
                await("both versions handled", Duration.ofSeconds(90), quietly(() -> it.uncommitted() == 0
                        && indexer.stats().indexed() + indexer.stats().stale() >= 2));
                JsonNode doc = it.elasticsearch.get(g -> g.index(it.alias + "-2026.11").id(id), JsonNode.class).source();
                assertEquals(3, doc.get("version").asInt());
                assertTrue(indexer.stats().stale() >= 1, indexer.stats().toString());
            }
        }
    }

    private static byte[] JsonSerde_encode(ScoredMention m) {
        return io.vigie.model.JsonSerde.of(ScoredMention.class).encode(m);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
