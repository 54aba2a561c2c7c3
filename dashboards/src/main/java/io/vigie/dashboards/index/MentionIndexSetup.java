package io.vigie.dashboards.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.AnalyzeRequest;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;

/**
 * Puts the mention index template and creates the current month's index, idempotently: run at every start, it
 * changes nothing on a cluster already set up, and a cluster that gained the analysis-common module gets the
 * full analysis for the months to come.
 */
public final class MentionIndexSetup {
    // A probe the integ-test distribution refuses (no elision, asciifolding nor stemmer filter) and any
    // distribution with analysis-common accepts.
    private static final String FULL_ANALYSIS_PROBE = """
            {"tokenizer": "standard",
             "filter": ["elision", "asciifolding", {"type": "stemmer", "language": "light_french"}],
             "text": "l'été"}""";

    private final MonthlyIndices indices;
    private final MentionIndexTemplate template;

    public MentionIndexSetup(MonthlyIndices indices, MentionIndexTemplate template) {
        this.indices = indices;
        this.template = template;
    }

    /** Puts the template and creates this month's index; returns the analysis the template uses. */
    public MentionIndexTemplate.Analysis install(ElasticsearchClient client, Instant now) throws IOException {
        MentionIndexTemplate.Analysis analysis = probe(client);
        client.indices().putIndexTemplate(PutIndexTemplateRequest.of(t -> t
                .name(indices.templateName())
                .withJson(new StringReader(template.json(analysis)))));
        createIfAbsent(client, indices.indexFor(now));
        return analysis;
    }

    static MentionIndexTemplate.Analysis probe(ElasticsearchClient client) throws IOException {
        try {
            client.indices().analyze(AnalyzeRequest.of(a -> a.withJson(new StringReader(FULL_ANALYSIS_PROBE))));
            return MentionIndexTemplate.Analysis.FULL;
        } catch (ElasticsearchException e) {
            if (e.status() == 400) {
                return MentionIndexTemplate.Analysis.BASIC;
            }
            throw e;
        }
    }

    /** Creates an index (it gets the template's settings, mapping and alias) unless it exists. */
    static void createIfAbsent(ElasticsearchClient client, String index) throws IOException {
        try {
            client.indices().create(c -> c.index(index));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }
}
