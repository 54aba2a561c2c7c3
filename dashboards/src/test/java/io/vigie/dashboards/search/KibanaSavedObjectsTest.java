package io.vigie.dashboards.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.dashboards.index.MentionIndexTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Kibana saved objects of docs/kibana only name fields Vigie's mapping has, and only aggregate aggregatable ones. */
class KibanaSavedObjectsTest {
    private static final Path FILE = Path.of("../docs/kibana/vigie-saved-objects.ndjson");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> AGGREGATABLE = Set.of("keyword", "long", "integer", "float", "double", "date", "boolean");

    /** Field path to mapping type, sub-fields included (title.fr, author.text); nested and object fields walked. */
    private static Map<String, String> mappedFields() {
        Map<String, String> out = new HashMap<>();
        walk("", MentionIndexTemplate.mappings().get("properties"), out);
        return out;
    }

    private static void walk(String prefix, JsonNode properties, Map<String, String> out) {
        properties.fields().forEachRemaining(e -> {
            String path = prefix + e.getKey();
            JsonNode def = e.getValue();
            out.put(path, def.path("type").asText("object"));
            if (def.has("properties")) {
                walk(path + ".", def.get("properties"), out);
            }
            def.path("fields").fields().forEachRemaining(sub -> out.put(path + "." + sub.getKey(), sub.getValue().path("type").asText()));
        });
    }

    private static List<JsonNode> objects() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(FILE)) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void everyFieldTheSavedObjectsReferenceIsInTheMappingAndAggregatedOnlyWhereItCanBe() throws Exception {
        Map<String, String> mapped = mappedFields();
        List<String> referenced = new ArrayList<>();
        List<String> aggregated = new ArrayList<>();
        for (JsonNode o : objects()) {
            JsonNode a = o.get("attributes");
            switch (o.get("type").asText()) {
                case "index-pattern" -> {
                    referenced.add(a.get("timeFieldName").asText());
                    JSON.readTree(a.get("fieldFormatMap").asText()).fieldNames().forEachRemaining(referenced::add);
                    JSON.readTree(a.get("sourceFilters").asText()).forEach(f -> referenced.add(f.get("value").asText()));
                }
                case "search" -> {
                    a.get("columns").forEach(c -> referenced.add(c.asText()));
                    a.get("sort").forEach(s -> aggregated.add(s.get(0).asText()));
                }
                case "visualization" -> JSON.readTree(a.get("visState").asText()).get("aggs").forEach(agg -> {
                    if (agg.path("params").has("field")) {
                        aggregated.add(agg.get("params").get("field").asText());
                    }
                });
                default -> { }
            }
        }
        referenced.addAll(aggregated);
        assertTrue(referenced.size() > 15, referenced.toString());
        for (String field : referenced) {
            assertTrue(mapped.containsKey(field), field + " is not in mention-mappings.json");
        }
        for (String field : aggregated) {
            assertTrue(AGGREGATABLE.contains(mapped.get(field)), field + " is " + mapped.get(field) + ", not aggregatable");
        }
    }

    @Test
    void everyReferenceBetweenObjectsResolvesAndTheDataViewIsOnTheMentionAlias() throws Exception {
        List<JsonNode> objects = objects();
        Set<String> ids = new HashSet<>();
        objects.forEach(o -> ids.add(o.get("type").asText() + "/" + o.get("id").asText()));
        for (JsonNode o : objects) {
            for (JsonNode ref : o.get("references")) {
                assertTrue(ids.contains(ref.get("type").asText() + "/" + ref.get("id").asText()), ref.toString());
            }
            if (o.get("type").asText().equals("dashboard")) {
                JsonNode panels = JSON.readTree(o.get("attributes").get("panelsJSON").asText());
                Set<String> refNames = new HashSet<>();
                o.get("references").forEach(r -> refNames.add(r.get("name").asText()));
                panels.forEach(p -> assertTrue(refNames.contains(p.get("panelRefName").asText()), p.toString()));
                assertEquals(5, panels.size());
            }
        }
        JsonNode dataView = objects.stream().filter(o -> o.get("type").asText().equals("index-pattern")).findFirst().orElseThrow();
        assertEquals("vigie-mentions", dataView.get("attributes").get("title").asText());
        assertEquals(SearchTranslator.DATE_FIELD, dataView.get("attributes").get("timeFieldName").asText());
    }
}
