package io.vigie.dashboards.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.vigie.dashboards.index.MentionDocument;
import io.vigie.dashboards.index.MentionIndexSetup;
import io.vigie.dashboards.index.MentionIndexTemplate;
import io.vigie.dashboards.index.MonthlyIndices;
import io.vigie.dashboards.search.bench.SyntheticMention;
import io.vigie.runtime.local.SharedLocalCluster;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The real Elasticsearch of the test JVM, with a mention alias of this test's own (or the one given) and the
 * indexer's template.
 */
public final class SearchFixture {
    final String run = "se" + UUID.randomUUID().toString().substring(0, 8);
    public final String alias;
    public final ElasticsearchClient client = SharedLocalCluster.get().elasticsearch().newClient();
    private final MonthlyIndices indices;

    SearchFixture() throws IOException {
        this(null);
    }

    /** @param alias an alias to index into (e.g. a web fixture's), or null for one of this fixture's own */
    public SearchFixture(String alias) throws IOException {
        this.alias = alias == null ? run + "-mentions" : alias;
        this.indices = new MonthlyIndices(this.alias);
        new MentionIndexSetup(indices, new MentionIndexTemplate(indices, 1, "0-1"))
                .install(client, Instant.parse("2026-11-15T00:00:00Z"));
    }

    /** The monthly index a mention of this time is in. */
    public String indexFor(Instant eventTime) {
        return indices.indexFor(eventTime);
    }

    /** Indexes mentions into their months' indices, searchable when this returns. */
    public void index(List<SyntheticMention> mentions) throws IOException {
        for (int from = 0; from < mentions.size(); from += 1_000) {
            List<SyntheticMention> batch = mentions.subList(from, Math.min(mentions.size(), from + 1_000));
            BulkResponse response = client.bulk(b -> {
                for (SyntheticMention m : batch) {
                    MentionDocument d = m.document(Instant.parse("2026-12-01T00:00:00Z"));
                    b.operations(o -> o.index(i -> i.index(indices.indexFor(m.eventTime())).id(d.id()).document(d)));
                }
                return b.refresh(Refresh.WaitFor);
            });
            if (response.errors()) {
                List<String> reasons = new ArrayList<>();
                response.items().stream().filter(i -> i.error() != null).limit(3).forEach(i -> reasons.add(i.error().reason()));
                throw new IllegalStateException("bulk refused documents: " + reasons);
            }
        }
    }
}
