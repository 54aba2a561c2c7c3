package io.vigie.dashboards.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.model.VigieJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The composable index template of the mention indices: settings, analysis, the mapping and the alias each new
 * monthly index joins. The mapping is one JSON resource ({@code mention-mappings.json}); the analysis comes in
 * two variants with the same analyzer names, so the mapping is the same on every cluster and only the quality of
 * the French and English analysis differs.
 */
public final class MentionIndexTemplate {
    /** Bumped when the template changes; Elasticsearch shows it in {@code GET _index_template/vigie-mentions}. */
    public static final int VERSION = 1;

    /** What the cluster's analysis can do, probed at start. */
    public enum Analysis {
        /**
         * A cluster without the analysis-common module (the integ-test distribution {@code vigie local} runs):
         * standard tokenizer, lowercase, French and English stop words; no elision, no folding, no stemming.
         */
        BASIC("analysis-basic.json"),
        /** A cluster with analysis-common (any production distribution): elision, folding and light stemming. */
        FULL("analysis-full.json");

        private final String resource;

        Analysis(String resource) {
            this.resource = resource;
        }
    }

    private static final ObjectMapper JSON = VigieJson.newMapper();

    private final MonthlyIndices indices;
    private final int shards;
    private final String autoExpandReplicas;

    public MentionIndexTemplate(MonthlyIndices indices, int shards, String autoExpandReplicas) {
        this.indices = indices;
        this.shards = shards;
        this.autoExpandReplicas = autoExpandReplicas;
    }

    /** The mapping alone, as Elasticsearch reads it. */
    public static ObjectNode mappings() {
        return (ObjectNode) resource("mention-mappings.json");
    }

    /** The body of {@code PUT _index_template/<alias>}. */
    public ObjectNode body(Analysis analysis) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("index_patterns").add(indices.pattern());
        // Above Elasticsearch's built-in templates (priority 100 and below) so ours always applies to our indices.
        body.put("priority", 200);
        body.put("version", VERSION);
        ObjectNode meta = body.putObject("_meta");
        meta.put("managedBy", "vigie dashboards indexer");
        meta.put("analysis", analysis.name().toLowerCase(java.util.Locale.ROOT));
        ObjectNode template = body.putObject("template");
        ObjectNode index = template.putObject("settings").putObject("index");
        index.put("number_of_shards", shards);
        index.put("auto_expand_replicas", autoExpandReplicas);
        index.set("analysis", resource(analysis.resource));
        template.set("mappings", mappings());
        template.putObject("aliases").putObject(indices.alias());
        return body;
    }

    public String json(Analysis analysis) {
        try {
            return JSON.writeValueAsString(body(analysis));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode resource(String name) {
        try (InputStream in = MentionIndexTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the dashboards jar");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
