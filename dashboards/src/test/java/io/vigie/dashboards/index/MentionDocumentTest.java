package io.vigie.dashboards.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.model.ScoredMention;
import io.vigie.model.VigieJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MentionDocumentTest {
    private static final ObjectMapper JSON = VigieJson.newMapper();
    private static final Instant INDEXED_AT = Instant.parse("2004-09-14T10:16:00Z");

    @Test
    void everyFieldOfADocumentHasAMappingSoTheStrictMappingNeverRefusesOurOwnDocuments() {
        JsonNode document = JSON.valueToTree(MentionDocument.of(Samples.kryptonite("m1", Samples.T0), INDEXED_AT,
                Samples.answeredResponse("m1")));
        JsonNode properties = MentionIndexTemplate.mappings().get("properties");
        List<String> unmapped = new ArrayList<>();
        collectUnmapped(document, properties, "", unmapped);
        assertEquals(List.of(), unmapped);
    }

    @Test
    void everyMappedFieldIsFilledBySomeDocumentSoTheMappingHasNoDeadKeys() {
        JsonNode document = JSON.valueToTree(MentionDocument.of(Samples.kryptonite("m1", Samples.T0), INDEXED_AT,
                Samples.answeredResponse("m1")));
        List<String> unfilled = new ArrayList<>();
        collectUnfilled(MentionIndexTemplate.mappings().get("properties"), document, "", unfilled);
        assertEquals(List.of(), unfilled);
    }

    @Test
    void theDocumentCarriesTheMentionFlattenedForSearch() {
        MentionDocument d = MentionDocument.of(Samples.kryptonite("m1", Samples.T0), INDEXED_AT);
        assertEquals("m1", d.id());
        assertEquals(2, d.version());
        assertEquals("comment", d.kind());
        assertEquals(List.of("kryptonite", "bic", "velib"), d.brands());
        assertEquals("NEGATIVE", d.sentiment().label());
        assertEquals(1000L, d.engagement().reach());
        assertEquals(3, d.copyCount());
        assertEquals(Samples.T0, d.eventTime());
        assertEquals(INDEXED_AT, d.indexedAt());
        assertTrue(d.foldedText().contains("l equipe kryptonite n a rien dit"), d.foldedText());
    }

    @Test
    void brandSentimentsAreSortedByBrandSoTheSameMentionAlwaysGivesTheSameDocument() {
        MentionDocument d = MentionDocument.of(Samples.kryptonite("m1", Samples.T0), INDEXED_AT);
        assertEquals("bic", d.brandSentiments().get(0).brand());
        assertEquals("NEUTRAL", d.brandSentiments().get(0).label());
        assertEquals("kryptonite", d.brandSentiments().get(1).brand());
    }

    @Test
    void aMatchedBrandWithoutATargetedScoreGetsTheWholeTextsSentimentMarkedAsNotTargeted() {
        MentionDocument d = MentionDocument.of(Samples.kryptonite("m1", Samples.T0), INDEXED_AT);
        MentionDocument.BrandSentiment velib = d.brandSentiments().get(2);
        assertEquals("velib", velib.brand());
        assertEquals("NEGATIVE", velib.label(), "the whole text's label");
        assertEquals(false, velib.targeted());
        assertEquals(true, d.brandSentiments().get(1).targeted());
    }

    @Test
    void aLanguageConfidenceThatIsNotANumberIsLeftOutRatherThanRefusedByElasticsearch() {
        ScoredMention s = Samples.kryptonite("m1", Samples.T0);
        ScoredMention nan = new ScoredMention(s.schemaVersion(), s.mention(), s.brands(), s.language(), Double.NaN,
                s.sentiment(), s.brandSentiments(), s.clusterId(), s.copyCount(), s.backfill(), s.eventTime(),
                s.scoredAt());
        MentionDocument d = MentionDocument.of(nan, INDEXED_AT);
        assertNull(d.languageConfidence());
        assertTrue(JSON.valueToTree(d).path("languageConfidence").isMissingNode());
    }

    private static void collectUnmapped(JsonNode value, JsonNode properties, String path, List<String> out) {
        if (value.isArray()) {
            for (JsonNode element : value) {
                collectUnmapped(element, properties, path, out);
            }
            return;
        }
        if (!value.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode mapping = properties.get(field.getKey());
            if (mapping == null) {
                out.add(fieldPath);
                continue;
            }
            JsonNode child = field.getValue().isArray() && field.getValue().size() > 0
                    ? field.getValue().get(0)
                    : field.getValue();
            if (child.isObject()) {
                collectUnmapped(field.getValue(), mapping.path("properties"), fieldPath, out);
            }
        }
    }

    private static void collectUnfilled(JsonNode properties, JsonNode value, String path, List<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode v = value.path(field.getKey());
            if (v.isArray()) {
                v = v.path(0);
            }
            if (v.isMissingNode() || v.isNull()) {
                out.add(fieldPath);
            } else if (field.getValue().has("properties")) {
                collectUnfilled(field.getValue().get("properties"), v, fieldPath, out);
            }
        }
    }
}
