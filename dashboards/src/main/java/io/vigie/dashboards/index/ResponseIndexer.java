package io.vigie.dashboards.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.dashboards.desk.ResponseDesk;
import io.vigie.model.MentionResponse;
import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.service.VigieService;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the team's response state ({@code mention.responses}, as the {@link ResponseDesk} knows it) into the
 * mentions' documents, so search can filter {@code response.status}. The local Elasticsearch has no scripting
 * (no painless), so each write is a compare-and-set instead of a script: a realtime GET gives the document's
 * {@code response.version}, {@code _seq_no} and {@code _primary_term}; if the document already holds this version
 * or a newer one nothing is written, else a partial update of {@code response} only, conditional on that
 * {@code _seq_no}/{@code _primary_term}. A concurrent write (a new version of the mention, another instance
 * applying the same response) makes it fail with a conflict, and it starts again from the GET. So a version is
 * written at most once per document and a newer one is never overwritten.
 *
 * <p>A response whose mention is not indexed yet is not kept waiting here: the mention indexer writes the
 * document with the state it knows ({@link ResponseMerge#current}) and says so once written
 * ({@link ResponseMerge#indexed}); if the desk knows a newer version by then, it is merged in after it.
 */
public final class ResponseIndexer implements VigieService, ResponseMerge {
    private static final Logger log = LoggerFactory.getLogger(ResponseIndexer.class);
    private static final int MAX_CONFLICT_RETRIES = 10;

    private final ElasticsearchConnection elasticsearch;
    private final MonthlyIndices indices;
    private final Function<String, Optional<MentionResponse>> known;
    private final LinkedBlockingDeque<String> due = new LinkedBlockingDeque<>();
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong upToDate = new AtomicLong();
    private final AtomicLong notIndexedYet = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    public ResponseIndexer(ElasticsearchConnection elasticsearch, String alias, ResponseDesk desk) {
        this(elasticsearch, alias, desk::response);
        desk.addListener(r -> schedule(r.mentionId()));
    }

    ResponseIndexer(ElasticsearchConnection elasticsearch, String alias,
            Function<String, Optional<MentionResponse>> known) {
        this.elasticsearch = elasticsearch;
        this.indices = new MonthlyIndices(alias);
        this.known = known;
    }

    /** Counters since start: versions written, found already there, mentions not indexed yet, conflicts retried. */
    public record Stats(long written, long upToDate, long notIndexedYet, long conflicts) {}

    public Stats stats() {
        return new Stats(written.get(), upToDate.get(), notIndexedYet.get(), conflicts.get());
    }

    @Override
    public String name() {
        return "response-indexer";
    }

    @Override
    public MentionResponse current(String mentionId) {
        return known.apply(mentionId).orElse(null);
    }

    @Override
    public void indexed(String mentionId, String index, long responseVersion) {
        Optional<MentionResponse> now = known.apply(mentionId);
        if (now.isPresent() && now.get().version() > responseVersion) {
            schedule(mentionId);
        }
    }

    private void schedule(String mentionId) {
        if (!due.contains(mentionId)) {
            due.add(mentionId);
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "response-indexer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        ElasticsearchClient client = elasticsearch.newClient();
        int failures = 0;
        try {
            while (running) {
                String mentionId = due.poll(200, TimeUnit.MILLISECONDS);
                if (mentionId == null) {
                    continue;
                }
                try {
                    apply(client, mentionId);
                    failures = 0;
                } catch (IOException | ElasticsearchException e) {
                    // Elasticsearch unavailable or refusing for now: keep it due and try again later.
                    failures++;
                    due.addFirst(mentionId);
                    Duration pause = backoff.delay(failures);
                    log.warn("service=response-indexer event=elasticsearch_unavailable mention={} error=\"{}\" "
                            + "action=retrying_in_ms={}", mentionId, e.getMessage(), pause.toMillis());
                    Thread.sleep(pause.toMillis());
                } catch (RuntimeException e) {
                    // A bug or a refusal we do not expect must not stop the thread: say so, and try again later.
                    failures++;
                    due.addLast(mentionId);
                    log.error("service=response-indexer event=failed mention={} error=\"{}\"", mentionId, e, e);
                    Thread.sleep(backoff.delay(failures).toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                client._transport().close();
            } catch (IOException e) {
                log.debug("closing the Elasticsearch client", e);
            }
        }
    }

    private record Located(String index, long seqNo, long primaryTerm, long responseVersion) {}

    private void apply(ElasticsearchClient client, String mentionId) throws IOException {
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            MentionResponse state = known.apply(mentionId).orElse(null);
            if (state == null) {
                return;
            }
            Optional<Located> doc = locate(client, state);
            if (doc.isEmpty()) {
                notIndexedYet.incrementAndGet();
                return; // the mention indexer will write it with this state, or tell us once written
            }
            if (doc.get().responseVersion() >= state.version()) {
                upToDate.incrementAndGet();
                return;
            }
            try {
                Located d = doc.get();
                client.update(u -> u.index(d.index()).id(mentionId).ifSeqNo(d.seqNo()).ifPrimaryTerm(d.primaryTerm())
                        .doc(Map.of("response", MentionDocument.ResponseField.of(state))), ObjectNode.class);
                written.incrementAndGet();
                log.info("service=response-indexer event=written mention={} version={} over={}", mentionId,
                        state.version(), d.responseVersion());
                return;
            } catch (ElasticsearchException e) {
                if (e.status() == 409) {
                    conflicts.incrementAndGet();
                    continue; // written meanwhile: read again
                }
                if (e.status() == 404) {
                    notIndexedYet.incrementAndGet();
                    return;
                }
                throw e;
            }
        }
        log.warn("service=response-indexer event=gave_up_after_conflicts mention={} action=rescheduled", mentionId);
        schedule(mentionId);
    }

    /**
     * The document in the index of the mention's month (a realtime GET: a document just written is seen), else,
     * for a mention filed under another month, a search through the alias (seen once refreshed).
     */
    private Optional<Located> locate(ElasticsearchClient client, MentionResponse state) throws IOException {
        if (state.mentionAt() != null) {
            try {
                GetResponse<ObjectNode> got = client.get(g -> g.index(indices.indexFor(state.mentionAt()))
                        .id(state.mentionId()).sourceIncludes("response.version"), ObjectNode.class);
                if (got.found()) {
                    return Optional.of(new Located(got.index(), got.seqNo(), got.primaryTerm(),
                            responseVersion(got.source())));
                }
            } catch (ElasticsearchException e) {
                if (!"index_not_found_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        try {
            SearchResponse<ObjectNode> found = client.search(s -> s.index(indices.alias())
                    .query(q -> q.ids(i -> i.values(state.mentionId())))
                    .seqNoPrimaryTerm(true).source(src -> src.filter(f -> f.includes("response.version"))),
                    ObjectNode.class);
            for (Hit<ObjectNode> hit : found.hits().hits()) {
                return Optional.of(new Located(hit.index(), hit.seqNo(), hit.primaryTerm(),
                        responseVersion(hit.source())));
            }
            return Optional.empty();
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static long responseVersion(ObjectNode source) {
        return source == null ? 0 : source.path("response").path("version").asLong(0);
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
