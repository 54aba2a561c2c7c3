package io.vigie.analyze.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.model.MentionKind;
import io.vigie.model.RawMention;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MentionNormalizerTest {
    private final MentionNormalizer normalizer = new MentionNormalizer(new Lateness(Duration.ofMinutes(5), Duration.ofHours(6)));
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    private static RawMention mention(Instant published, Instant fetched, String url, String text) {
        return new RawMention(1, " m1 ", 1, "s", "h", MentionKind.POST, url, null, null, null, null, text, null, null, null,
                published, fetched, null, null, null);
    }

    @Test
    void theEventTimeIsThePublishedTimeElseTheFetchedTime() {
        assertEquals(T, normalizer.normalize(mention(T, T.plusSeconds(60), null, "x")).eventTime());
        assertEquals(T.plusSeconds(60), normalizer.normalize(mention(null, T.plusSeconds(60), null, "x")).eventTime());
    }

    @Test
    void aPublishedTimeInTheFutureOfTheFetchIsClampedToTheFetch() {
        assertEquals(T, normalizer.normalize(mention(T.plusSeconds(3600), T, null, "x")).eventTime());
    }

    @Test
    void anItemReadLongAfterItsPublicationIsABackfill() {
        assertTrue(normalizer.normalize(mention(T.minus(Duration.ofDays(1)), T, null, "x")).backfill());
        assertFalse(normalizer.normalize(mention(T.minus(Duration.ofHours(1)), T, null, "x")).backfill());
    }

    @Test
    void aMentionItsProducerMarkedAsHistoryIsABackfillEvenWhenReadAtOnce() {
        RawMention history = new RawMention(1, "m1", 1, "s", "h", MentionKind.POST, null, null, null, null, null, "x",
                null, null, null, T.minusSeconds(60), T, null, null,
                new io.vigie.model.Provenance(io.vigie.model.Provenance.BACKFILL, "archive", null, null));
        assertTrue(normalizer.normalize(history).backfill());
    }

    @Test
    void textIsCleanedOfInvisibleCharactersAndExtraSpace() {
        assertEquals("Kryptonite lock\n\nbroken", MentionNormalizer.cleanText("  Kryptonite\u200B\u00A0 lock \n\n\n\n broken\u0007 "));
        assertEquals("m1", normalizer.normalize(mention(T, T, null, "x")).mention().id());
    }

    @Test
    void theCanonicalUrlDropsTrackingFragmentsAndDefaultPorts() {
        assertEquals("https://blog.example/post?id=3",
                MentionNormalizer.canonicalUrl("HTTPS://Blog.Example:443/post?utm_source=x&id=3&fbclid=y#comments"));
        assertEquals("http://a.example/", MentionNormalizer.canonicalUrl("http://A.example:80"));
        assertEquals("not a url", MentionNormalizer.canonicalUrl("not a url"));
        assertEquals("mailto:x@y.z", MentionNormalizer.canonicalUrl("mailto:x@y.z"));
    }

    @Test
    void aFragmentThatNamesOneCommentIsKeptSoEachCommentKeepsItsOwnAddress() {
        assertEquals("https://blog.example/post/1#comment-12",
                MentionNormalizer.canonicalUrl("https://Blog.example/post/1?utm_medium=rss#comment-12"));
        assertEquals("http://forum.example/viewtopic.php?t=5#p4514",
                MentionNormalizer.canonicalUrl("http://forum.example/viewtopic.php?t=5#p4514"));
        assertEquals("http://forum.example/t/3#p2", MentionNormalizer.canonicalUrl("http://forum.example/t/3#p2"));
        assertEquals("https://blog.example/post/1", MentionNormalizer.canonicalUrl("https://blog.example/post/1#respond"));
        assertEquals("https://blog.example/post/1",
                MentionNormalizer.canonicalUrl("https://blog.example/post/1#:~:text=pen%2012"));
    }
}
