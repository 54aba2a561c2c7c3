package io.vigie.dashboards.web.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vigie.dashboards.search.AnalystSearch;
import io.vigie.dashboards.search.ExportJobs;
import io.vigie.dashboards.search.MentionExport;
import io.vigie.dashboards.search.SavedSearches;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the search pages are built with: the search on the mention alias, the saved searches' index
 * ({@code <alias>.saved-searches}: not {@code <alias>-…}, the mention template's pattern, whose strict mapping would
 * refuse them) and this instance's background exports.
 */
public final class SearchServices implements AutoCloseable {
    /** Exports running at once on an instance; more wait their turn (each one holds a point-in-time and a thread). */
    public static final int CONCURRENT_EXPORTS = 2;

    private final AnalystSearch search;
    private final SavedSearches saved;
    private final ExportJobs exports;
    private volatile boolean savedIndexReady;

    public SearchServices(AnalystSearch search, SavedSearches saved, ExportJobs exports) {
        this.search = search;
        this.saved = saved;
        this.exports = exports;
    }

    /** The services of one instance on {@code alias}; export files go to {@code exportDirectory}. */
    public static SearchServices on(ElasticsearchClient client, String alias, Clock clock, Path exportDirectory) {
        return new SearchServices(new AnalystSearch(client, alias), new SavedSearches(client, savedIndex(alias), clock),
                new ExportJobs(new MentionExport(client, alias), exportDirectory, clock, CONCURRENT_EXPORTS));
    }

    public static String savedIndex(String alias) {
        return alias + ".saved-searches";
    }

    public AnalystSearch search() {
        return search;
    }

    /** The saved searches, their index created on first use (Elasticsearch may be down when the server starts). */
    public SavedSearches saved() throws IOException {
        if (!savedIndexReady) {
            saved.install();
            savedIndexReady = true;
        }
        return saved;
    }

    public ExportJobs exports() {
        return exports;
    }

    @Override
    public void close() {
        exports.close();
    }
}
