package io.vigie.dashboards.index;

import static io.vigie.dashboards.index.IndexerFixture.await;
import static io.vigie.dashboards.index.IndexerFixture.quietly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.runtime.connect.ElasticsearchConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch unreachable, then reachable again. The indexer talks to the real Elasticsearch through a TCP relay
 * on its own port; taking the relay down makes that port refuse connections and cuts open ones, which is what the
 * indexer sees when Elasticsearch stops or its host drops off the network.
 */
class ElasticsearchOutageIT {
    private static final Instant NOVEMBER = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void mentionsReadWhileElasticsearchIsDownAreIndexedWhenItComesBackAndNoneIsLost() throws Exception {
        try (IndexerFixture it = new IndexerFixture()) {
            URI real = it.cluster.elasticsearchUrl();
            try (TcpForwarder relay = new TcpForwarder(new InetSocketAddress(real.getHost(), real.getPort()))) {
                ElasticsearchConnection throughRelay =
                        ElasticsearchConnection.open(URI.create("http://127.0.0.1:" + relay.port()));
                for (int i = 0; i < 100; i++) {
                    it.send(Samples.mention(it.run + "-before-" + i, it.source, NOVEMBER.plusSeconds(i), 1));
                }
                it.flush();

                try (MentionIndexer indexer = it.indexer("outage", throughRelay)) {
                    // Down from the start: the indexer cannot even put its template, and waits.
                    indexer.start();
                    Thread.sleep(3000);
                    assertEquals(0, indexer.stats().indexed());
                    assertTrue(it.uncommitted() >= 100, "nothing committed while Elasticsearch is unreachable");

                    relay.up();
                    await("the first 100 indexed", Duration.ofSeconds(90), quietly(() -> it.countThroughAlias() == 100));
                    await("the first 100 committed", Duration.ofSeconds(60), quietly(() -> it.uncommitted() == 0));

                    // Down while mentions flow: bulk requests fail, the indexer pauses and retries.
                    relay.down();
                    for (int i = 0; i < 200; i++) {
                        it.send(Samples.mention(it.run + "-during-" + i, it.source, NOVEMBER.plusSeconds(1000 + i), 1));
                    }
                    it.flush();
                    Thread.sleep(4000);
                    long stuck = it.uncommitted();
                    assertTrue(stuck >= 200, "offsets of unindexed mentions must not be committed, uncommitted=" + stuck);
                    assertTrue(indexer.stats().retried() > 0, "bulk requests were retried: " + indexer.stats());

                    relay.up();
                    await("all 300 indexed", Duration.ofSeconds(120), quietly(() -> it.countThroughAlias() == 300));
                    await("all committed", Duration.ofSeconds(60), quietly(() -> it.uncommitted() == 0));
                    assertEquals(300, it.countThroughAlias());
                    assertEquals(0, it.deadLetters().size(), "an outage is waited out, never dead-lettered");
                }
            }
        }
    }

    @Test
    void mentionsForAClosedIndexWaitUntilItIsReopenedAndAreNeverDeadLettered() throws Exception {
        try (IndexerFixture it = new IndexerFixture()) {
            String index = it.alias + "-2026.11";
            try (MentionIndexer indexer = it.indexer("closed")) {
                indexer.start();
                it.send(Samples.mention(it.run + "-open", it.source, NOVEMBER, 1));
                it.flush();
                await("the first mention indexed", Duration.ofSeconds(90), quietly(() -> it.countThroughAlias() == 1));

                // An operator closes the month's index (maintenance, snapshot restore): Elasticsearch answers
                // index_closed_exception (400) for each document, which must be waited out, not dead-lettered.
                it.elasticsearch.indices().close(c -> c.index(index));
                for (int i = 0; i < 20; i++) {
                    it.send(Samples.mention(it.run + "-closed-" + i, it.source, NOVEMBER.plusSeconds(i), 1));
                }
                it.flush();
                await("documents refused by the closed index to be retried", Duration.ofSeconds(60),
                        () -> indexer.stats().retried() > 0);
                assertTrue(it.uncommitted() >= 20, "not committed while the index is closed");

                it.elasticsearch.indices().open(o -> o.index(index));
                await("all 21 indexed", Duration.ofSeconds(120), quietly(() -> it.countThroughAlias() == 21));
                await("all committed", Duration.ofSeconds(60), quietly(() -> it.uncommitted() == 0));
                assertEquals(0, it.deadLetters().size(), "a closed index is waited out, never dead-lettered");
            }
        }
    }
}
