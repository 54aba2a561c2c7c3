package io.vigie.dashboards.index;

import static io.vigie.dashboards.index.IndexerFixture.await;
import static io.vigie.dashboards.index.IndexerFixture.quietly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A backlog of mentions indexed by one indexer with the default settings; prints the rate it measured. The figure
 * is printed, never asserted: the machine is shared and its load is printed beside it.
 */
class IndexingRateIT {
    @Test
    void aBacklogOfTwentyThousandMentionsIsIndexedCompletelyAndTheRateIsPrinted() throws Exception {
        int produced = 20_000;
        try (IndexerFixture it = new IndexerFixture()) {
            Instant november = Instant.parse("2026-11-22T00:00:00Z");
            for (int i = 0; i < produced; i++) {
                it.send(Samples.mention(it.run + "-" + i, it.source, november.plusSeconds(i), 1));
            }
            it.flush();
            IndexerSettings defaults = IndexerSettings.DEFAULTS.withNames(it.alias, it.group);
            try (MentionIndexer indexer = new MentionIndexer(defaults, it.cluster.kafka(), it.cluster.elasticsearch(),
                    it.run + "-rate", Clock.systemUTC())) {
                long start = System.nanoTime();
                indexer.start();
                await("the backlog committed", Duration.ofSeconds(300), quietly(() -> it.uncommitted() == 0));
                double seconds = (System.nanoTime() - start) / 1e9;
                long handled = indexer.stats().indexed() + indexer.stats().stale() + indexer.stats().deadLettered();
                assertEquals(produced, it.countThroughAlias());
                System.out.printf("indexing rate: %d records handled (%d of this test) in %.1f s = %.0f docs/s, "
                                + "from start (template, group join) to last offset committed; load average %.2f%n",
                        handled, produced, seconds, handled / seconds,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }
}
