package io.vigie.analyze.dedupe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CopyFingerprintTest {
    private static final String TEXT = "Kryptonite locks can be opened with a simple Bic pen, watch the video";

    private static double similarity(String a, String b) {
        return CopyFingerprint.similarity(CopyFingerprint.of(a).signature(), CopyFingerprint.of(b).signature());
    }

    @Test
    void aRetweetWithAnotherLinkIsAnExactCopy() {
        assertEquals(1.0, similarity(TEXT + " http://t.co/a", "RT @bob: " + TEXT + " http://t.co/b via @news"));
    }

    @Test
    void copiesRouteToTheSameTaskWhateverTheirPrefixLinksOrBrandsAndShortTextsRouteByTheirId() {
        String key = CopyFingerprint.of(TEXT + " http://t.co/a").routingKey("a");
        assertEquals(key, CopyFingerprint.of("RT @bob: " + TEXT + " http://t.co/b via @news").routingKey("b"));
        assertTrue(key.startsWith("copy:"));
        assertEquals("id:x", CopyFingerprint.of("Kryptonite lol").routingKey("x"));
        int sameKey = 0;
        int edits = 200;
        for (int i = 0; i < edits; i++) {
            String edited = TEXT.replace("video", "video number" + i);
            sameKey += CopyFingerprint.of(edited).routingKey("e").equals(key) ? 1 : 0;
        }
        assertTrue(sameKey > edits / 2, "an edited copy usually meets its original: " + sameKey + " of " + edits);
    }

    @Test
    void aOneWordEditIsStillSimilarEnoughAndAnotherTextIsNot() {
        assertTrue(similarity(TEXT, TEXT.replace("simple", "cheap")) >= CopyFingerprint.MIN_SIMILARITY);
        assertTrue(similarity(TEXT, "Kryptonite says its new locks resist every pen attack we tried") < 0.3);
    }

    @Test
    void copiesShareAtLeastOneBand() {
        Set<String> a = new HashSet<>(CopyFingerprint.of(TEXT).bandKeys());
        assertFalse(java.util.Collections.disjoint(a, CopyFingerprint.of("RT @x: " + TEXT).bandKeys()));
    }

    @Test
    void theSignatureSurvivesItsEncoding() {
        CopyFingerprint f = CopyFingerprint.of(TEXT);
        assertArrayEquals(f.signature(), CopyFingerprint.decode(f.encoded()));
        assertFalse(CopyFingerprint.of("lol").longEnough());
    }
}
