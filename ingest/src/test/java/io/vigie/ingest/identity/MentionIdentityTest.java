package io.vigie.ingest.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vigie.ingest.feeds.FeedEntry;
import io.vigie.model.Engagement;
import org.junit.jupiter.api.Test;

class MentionIdentityTest {

    private static FeedEntry entry(String id, String link) {
        return new FeedEntry(id, null, link, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    @Test
    void aGlobalGuidIsTheIdCanonicalised() {
        assertEquals("https://blog.example/post/1",
                MentionIdentity.idOf(entry("HTTPS://Blog.Example:443/post/1?utm_source=rss", null), "https://blog.example/feed"));
        assertEquals("tag:blog.example,2004:42", MentionIdentity.idOf(entry("tag:blog.example,2004:42", null), "x"));
    }

    @Test
    void aLocalGuidIsScopedByItsFeed() {
        String a = MentionIdentity.idOf(entry("1234", null), "https://a.example/feed");
        String b = MentionIdentity.idOf(entry("1234", null), "https://b.example/feed");
        assertNotEquals(a, b);
        assertEquals("https://a.example/feed#guid=1234", a);
    }

    @Test
    void withoutGuidTheCanonicalLinkIsTheId() {
        assertEquals("https://forum.example/t/9?a=1&b=2",
                MentionIdentity.idOf(entry(null, "https://FORUM.example/t/9?b=2&fbclid=xyz&a=1#top"), "f"));
    }

    @Test
    void anEntryWithNeitherHasNoIdentity() {
        assertNull(MentionIdentity.idOf(entry(" ", null), "f"));
    }

    @Test
    void canonicalUrlsKeepCommentAnchorsAndDropOtherFragments() {
        assertEquals("https://blog.example/p#comment-12", CanonicalUrl.of("https://blog.example/p#comment-12"));
        assertEquals("https://blog.example/p", CanonicalUrl.of("https://blog.example/p#main"));
        assertEquals("http://blog.example:8080/~me/a%2Fb", CanonicalUrl.of("http://blog.example:8080/%7Eme/a%2fb"));
    }

    @Test
    void anEditChangesTheContentHashAndNewViewsChangeTheEngagementHash() {
        assertNotEquals(MentionIdentity.contentHash("t", "a", "u", "[]"), MentionIdentity.contentHash("t", "b", "u", "[]"));
        assertEquals(MentionIdentity.contentHash("t", "a", "u", "[]"), MentionIdentity.contentHash("t", "a", "u", "[]"));
        Engagement before = new Engagement(100L, null, null, null, null, null, null);
        Engagement after = new Engagement(5000L, null, null, null, null, null, null);
        assertNotEquals(MentionIdentity.engagementHash(before), MentionIdentity.engagementHash(after));
        assertEquals("-", MentionIdentity.engagementHash(Engagement.NONE));
    }
}
