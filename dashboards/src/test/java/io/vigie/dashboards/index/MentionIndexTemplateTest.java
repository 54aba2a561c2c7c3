package io.vigie.dashboards.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MentionIndexTemplateTest {
    private final MentionIndexTemplate template = new MentionIndexTemplate(new MonthlyIndices("vigie-mentions"), 1, "0-1");

    @Test
    void theTemplateAppliesToTheMonthlyIndicesAndPutsThemUnderTheAlias() {
        JsonNode body = template.body(MentionIndexTemplate.Analysis.BASIC);
        assertEquals("vigie-mentions-*", body.at("/index_patterns/0").asText());
        assertTrue(body.at("/template/aliases").has("vigie-mentions"));
        assertEquals("0-1", body.at("/template/settings/index/auto_expand_replicas").asText());
        assertEquals("strict", body.at("/template/mappings/dynamic").asText());
        assertEquals("basic", body.at("/_meta/analysis").asText());
    }

    @Test
    void everyAnalyzerAndNormalizerTheMappingNamesIsDefinedInBothAnalysisVariants() {
        Set<String> analyzers = new HashSet<>();
        Set<String> normalizers = new HashSet<>();
        collect(MentionIndexTemplate.mappings(), analyzers, normalizers);
        analyzers.remove("standard");
        assertFalse(analyzers.isEmpty());
        for (MentionIndexTemplate.Analysis analysis : MentionIndexTemplate.Analysis.values()) {
            JsonNode defined = template.body(analysis).at("/template/settings/index/analysis");
            for (String a : analyzers) {
                assertTrue(defined.path("analyzer").has(a), analysis + " lacks analyzer " + a);
            }
            for (String n : normalizers) {
                assertTrue(defined.path("normalizer").has(n), analysis + " lacks normalizer " + n);
            }
        }
    }

    @Test
    void theBasicAnalysisUsesOnlyWhatTheIntegTestDistributionHas() {
        // Measured with _analyze on elasticsearch-8.19.21 (integ-test zip): these are the only filters it knows.
        Set<String> available = Set.of("lowercase", "stop", "shingle");
        JsonNode analysis = template.body(MentionIndexTemplate.Analysis.BASIC).at("/template/settings/index/analysis");
        analysis.path("filter").forEach(f -> assertTrue(available.contains(f.path("type").asText()), f.toString()));
        for (String section : new String[] {"analyzer", "normalizer"}) {
            analysis.path(section).forEach(a -> a.path("filter").forEach(f -> assertTrue(
                    available.contains(f.asText()) || analysis.path("filter").has(f.asText()), f.asText())));
        }
    }

    private static void collect(JsonNode node, Set<String> analyzers, Set<String> normalizers) {
        if (node.isObject()) {
            if (node.has("analyzer")) {
                analyzers.add(node.get("analyzer").asText());
            }
            if (node.has("normalizer")) {
                normalizers.add(node.get("normalizer").asText());
            }
            node.forEach(child -> collect(child, analyzers, normalizers));
        }
    }
}
