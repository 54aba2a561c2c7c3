package io.vigie.dashboards.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.vigie.query.SearchQuery;
import java.io.IOException;
import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Saved searches in their own Elasticsearch index. An index rather than a compacted topic: every dashboards
 * instance already reads Elasticsearch for each page, so a search saved on one instance is on all at once (written
 * with {@code refresh=wait_for}), durable as the mentions are, and "my searches" is a term query, with no topic to
 * replay into a local store at start. Ids are 16 random bytes, so a share link cannot be guessed.
 */
public final class SavedSearches {
    public static final int MAX_PER_USER = 500;
    private static final String MAPPING = """
            {"dynamic": "strict", "properties": {
              "id": {"type": "keyword"}, "owner": {"type": "keyword"}, "name": {"type": "keyword"},
              "query": {"type": "keyword", "index": false}, "sort": {"type": "keyword"},
              "savedAt": {"type": "date"}}}""";
    private final ElasticsearchClient client;
    private final String index;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SavedSearches(ElasticsearchClient client, String index, Clock clock) {
        this.client = client;
        this.index = index;
        this.clock = clock;
    }

    /** Creates the index unless it exists; run at start. */
    public void install() throws IOException {
        try {
            client.indices().create(c -> c.index(index)
                    .settings(s -> s.numberOfShards("1").autoExpandReplicas("0-1"))
                    .mappings(m -> m.withJson(new StringReader(MAPPING))));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    /** Saves a search; refuses one that does not parse (QueryParseException) or a blank name. */
    public SavedSearch save(String owner, String name, String query, SearchSort sort) throws IOException {
        SearchQuery.parse(query);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a saved search needs a name of 1 to 200 characters");
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        SavedSearch saved = new SavedSearch(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), owner,
                name.strip(), query, sort, clock.instant());
        client.index(i -> i.index(index).id(saved.id()).document(saved).refresh(Refresh.WaitFor));
        return saved;
    }

    /** A saved search by its link, whoever saved it. */
    public Optional<SavedSearch> get(String id) throws IOException {
        try {
            GetResponse<SavedSearch> found = client.get(g -> g.index(index).id(id), SavedSearch.class);
            return Optional.ofNullable(found.found() ? found.source() : null);
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The user's saved searches, newest first. */
    public List<SavedSearch> of(String owner) throws IOException {
        return client.search(s -> s.index(index).size(MAX_PER_USER)
                        .query(q -> q.term(t -> t.field("owner").value(owner)))
                        .sort(o -> o.field(f -> f.field("savedAt").order(SortOrder.Desc))), SavedSearch.class)
                .hits().hits().stream().map(h -> h.source()).toList();
    }

    /** Deletes a saved search if this user owns it; false otherwise. */
    public boolean delete(String id, String owner) throws IOException {
        Optional<SavedSearch> saved = get(id);
        if (saved.isEmpty() || !saved.get().owner().equals(owner)) {
            return false;
        }
        client.delete(d -> d.index(index).id(id).refresh(Refresh.WaitFor));
        return true;
    }
}
