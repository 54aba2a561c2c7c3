package io.vigie.dashboards.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.query.SearchQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole result set of a search written to a stream, never held in memory: pages of {@link #BATCH} hits read
 * from a point-in-time with {@code search_after}, newest first, each page written before the next is read. No row
 * cap (Kibana's CSV stops at 10,000). Every export is logged, who, query, format and rows, whatever its outcome.
 */
public final class MentionExport {
    static final int BATCH = 2_000;
    private static final Logger log = LoggerFactory.getLogger(MentionExport.class);

    private final ElasticsearchClient client;
    private final AnalystSearch search;

    public MentionExport(ElasticsearchClient client, String alias) {
        this.client = client;
        this.search = new AnalystSearch(client, alias);
    }

    /** What an export reports as it goes. */
    public interface Progress {
        /** Once, before the first row: how many rows the export will write. */
        void total(long rows);

        /** After each batch: rows written so far. */
        void written(long rows);
    }

    /**
     * Writes every mention the query finds; returns the number of rows. Stops with a {@link CancellationException}
     * when {@code cancelled} becomes true (checked between batches); the stream is then incomplete.
     */
    public long export(String user, SearchQuery query, ExportFormat format, ExportFormat.CsvOptions csv,
            OutputStream out, Progress progress, BooleanSupplier cancelled) throws IOException {
        Query translated = SearchTranslator.toQuery(query);
        String pit = search.openPit();
        long rows = 0;
        String outcome = "failed";
        try {
            SearchResponse<Void> count = client.search(s -> s.pit(p -> p.id(pit)).query(translated).size(0)
                    .trackTotalHits(t -> t.enabled(true)), Void.class);
            progress.total(count.hits().total().value());
            List<Object> after = List.of();
            try (RowWriter writer = RowWriter.of(format, csv, out)) {
                while (true) {
                    if (cancelled.getAsBoolean()) {
                        outcome = "cancelled";
                        throw new CancellationException("export cancelled after " + rows + " rows");
                    }
                    List<Object> from = after;
                    SearchResponse<JsonNode> page = client.search(s -> {
                        s.pit(p -> p.id(pit).keepAlive(k -> k.time(AnalystSearch.KEEP_ALIVE)))
                                .query(translated).size(BATCH).trackTotalHits(t -> t.enabled(false))
                                .sort(SortOptions.of(o -> o.field(f -> f.field(SearchTranslator.DATE_FIELD).order(SortOrder.Desc))))
                                .source(src -> src.filter(f -> f.includes(ExportRow.SOURCE_FIELDS)));
                        if (!from.isEmpty()) {
                            s.searchAfter(SearchCursor.fieldValues(from));
                        }
                        return s;
                    }, JsonNode.class);
                    List<Hit<JsonNode>> hits = page.hits().hits();
                    for (Hit<JsonNode> hit : hits) {
                        writer.write(ExportRow.of(hit.source()));
                    }
                    rows += hits.size();
                    progress.written(rows);
                    if (hits.size() < BATCH) {
                        break;
                    }
                    after = SearchCursor.valuesOf(hits.get(hits.size() - 1).sort());
                }
            }
            outcome = "done";
            return rows;
        } finally {
            log.info("export user={} format={} rows={} outcome={} query=\"{}\"", user, format, rows, outcome,
                    query.source().replace("\"", "\\\""));
            try {
                client.closePointInTime(c -> c.id(pit));
            } catch (IOException | RuntimeException e) {
                log.warn("export pit not closed, it expires by itself reason={}", e.toString());
            }
        }
    }
}
