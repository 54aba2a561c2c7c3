package io.vigie.ingest.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.model.MentionKind;
import io.vigie.model.RawMention;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedReaderTest {
    private final FeedReader reader = new FeedReader();
    private final MentionBuilder builder = new MentionBuilder();
    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");

    private FeedDocument read(String xml, String contentType) throws FeedUnreadableException {
        return reader.read(xml.getBytes(StandardCharsets.UTF_8), contentType, "https://site.example/feed");
    }

    @Test
    void aYouTubeChannelFeedGivesVideosWithViewsAndRating() throws Exception {
        String xml = """
                <feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/"
                      xmlns="http://www.w3.org/2005/Atom">
                 <title>Bike Tests</title>
                 <entry>
                  <id>yt:video:abc123</id>
                  <yt:videoId>abc123</yt:videoId>
                  <title>Kryptonite lock opened with a pen</title>
                  <link rel="alternate" href="https://www.youtube.com/watch?v=abc123"/>
                  <author><name>Bike Tests</name><uri>https://www.youtube.com/channel/UC1</uri></author>
                  <published>2004-09-14T10:00:00+00:00</published>
                  <media:group>
                   <media:title>Kryptonite lock opened with a pen</media:title>
                   <media:content url="https://www.youtube.com/v/abc123" type="application/x-shockwave-flash" width="640"/>
                   <media:thumbnail url="https://i.ytimg.com/vi/abc123/hqdefault.jpg" width="480" height="360"/>
                   <media:description>It takes seconds.</media:description>
                   <media:community>
                    <media:starRating count="1200" average="4.80" min="1" max="5"/>
                    <media:statistics views="987654"/>
                   </media:community>
                  </media:group>
                 </entry>
                </feed>""";
        FeedDocument doc = read(xml, "application/atom+xml");
        FeedEntry e = doc.entries().get(0);
        assertEquals("abc123", e.videoId());
        assertEquals(987654L, e.engagement().views());
        assertEquals(4.8, e.engagement().rating());
        assertEquals(1200L, e.engagement().ratingCount());
        assertEquals("https://i.ytimg.com/vi/abc123/hqdefault.jpg", e.thumbnailUrl());
        RawMention m = builder.build(doc, "bike-tests", "video", "https://site.example/feed", now).get(0).mention();
        assertEquals(MentionKind.VIDEO, m.kind());
        assertEquals("yt:video:abc123", m.id());
        assertEquals("It takes seconds.", m.text(), "the media description is the text of a video entry");
        assertEquals("Bike Tests", m.author());
        assertEquals(Instant.parse("2004-09-14T10:00:00Z"), m.publishedAt());
    }

    @Test
    void aWordPressCommentFeedGivesCommentsLinkedToTheirPost() throws Exception {
        String xml = """
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel><title>Comments on: Kryptonite locks</title><link>https://blog.example/kryptonite/</link>
                <item>
                  <title>By: Marc</title>
                  <link>https://blog.example/kryptonite/#comment-42</link>
                  <dc:creator><![CDATA[Marc]]></dc:creator>
                  <pubDate>Tue, 14 Sep 2004 18:03:00 +0000</pubDate>
                  <guid isPermaLink="false">https://blog.example/?p=7#comment-42</guid>
                  <description><![CDATA[Mine opened with a Bic too &amp; I want a refund.]]></description>
                </item></channel></rss>""";
        FeedDocument doc = read(xml, "application/rss+xml; charset=UTF-8");
        RawMention m = builder.build(doc, "blog-comments", "comments", "https://blog.example/kryptonite/feed/", now)
                .get(0).mention();
        assertEquals(MentionKind.COMMENT, m.kind());
        assertEquals("https://blog.example/kryptonite/", m.parentUrl());
        assertEquals("https://blog.example/kryptonite/feed/", m.threadUrl());
        assertEquals("Marc", m.author());
        assertEquals("Mine opened with a Bic too & I want a refund.", m.text());
    }

    @Test
    void aPostAnnouncesItsCommentFeedAndCount() throws Exception {
        String xml = """
                <rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
                <channel><title>Blog</title><item><title>Post</title><link>https://blog.example/p/1</link>
                <comments>https://blog.example/p/1#comments</comments>
                <wfw:commentRss>https://blog.example/p/1/feed/</wfw:commentRss><slash:comments>17</slash:comments>
                </item></channel></rss>""";
        FeedEntry e = read(xml, null).entries().get(0);
        assertEquals("https://blog.example/p/1/feed/", e.commentFeedUrl());
        assertEquals("https://blog.example/p/1#comments", e.commentsUrl());
        assertEquals(17L, e.engagement().comments());
    }

    @Test
    void anAtomReplyIsACommentOnTheEntryItAnswers() throws Exception {
        String xml = """
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
                <title>t</title><entry><id>tag:forum.example,2004:reply-9</id><title>Re: locks</title>
                <thr:in-reply-to ref="tag:forum.example,2004:post-1" href="https://forum.example/t/1"/>
                <content type="html">&lt;p&gt;Same here&lt;/p&gt;</content></entry></feed>""";
        FeedDocument doc = read(xml, null);
        RawMention m = builder.build(doc, "forum", "feed", "https://forum.example/feed", now).get(0).mention();
        assertEquals(MentionKind.COMMENT, m.kind());
        assertEquals("https://forum.example/t/1", m.parentUrl());
        assertEquals("Same here", m.text());
        assertEquals("<p>Same here</p>", m.safeHtml());
    }

    @Test
    void aPodcastEnclosureBecomesMedia() throws Exception {
        String xml = """
                <rss version="2.0"><channel><title>p</title><item><title>Episode 1</title><guid>ep1</guid>
                <enclosure url="https://cdn.example/ep1.mp3" length="12345678" type="audio/mpeg"/></item></channel></rss>""";
        RawMention m = builder.build(read(xml, null), "pod", "feed", "https://pod.example/feed", now).get(0).mention();
        assertEquals("https://cdn.example/ep1.mp3", m.media().get(0).url());
        assertEquals(12345678L, m.media().get(0).length());
        assertEquals(MentionKind.POST, m.kind());
    }

    @Test
    void illFormedXmlIsRecoveredAndFlagged() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>Broken & proud</title><item><title>One<title>"
                + "<link>https://x.example/1</link></item></channel>";
        FeedDocument doc = read(xml, "application/rss+xml");
        assertTrue(doc.recovered());
        assertTrue(doc.recoveryReason().startsWith("ill-formed XML"), doc.recoveryReason());
        assertEquals("Broken & proud", doc.title().plainText());
        assertFalse(doc.entries().isEmpty());
    }

    @Test
    void undeclaredHtmlEntitiesAreDecodedWithoutRecovery() throws Exception {
        FeedDocument doc = read("<rss version=\"2.0\"><channel><title>caf&eacute; &mdash; cr&egrave;me</title></channel></rss>", null);
        assertFalse(doc.recovered());
        assertEquals("café — crème", doc.title().plainText());
    }

    @Test
    void theHttpCharsetWinsOverTheXmlDeclaration() throws Exception {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Fran\u00e7ais</title></channel></rss>"
                .getBytes(StandardCharsets.ISO_8859_1);
        FeedDocument doc = reader.read(latin1, "text/xml; charset=iso-8859-1", null);
        assertEquals("iso-8859-1", doc.encoding());
        assertEquals("Français", doc.title().plainText());
        assertFalse(doc.recovered());
    }

    @Test
    void bytesThatContradictTheDeclaredEncodingAreReadAnywayAndFlagged() throws Exception {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>d\u00e9j\u00e0</title></channel></rss>"
                .getBytes(StandardCharsets.ISO_8859_1);
        FeedDocument doc = reader.read(latin1, "application/xml", null);
        assertTrue(doc.recovered());
        assertEquals("déjà", doc.title().plainText());
    }

    @Test
    void somethingThatIsNotAFeedIsAClearError() {
        FeedUnreadableException e = assertThrows(FeedUnreadableException.class,
                () -> read("<html><body>Hello</body></html>", "text/html"));
        assertTrue(e.getMessage().contains("html"), e.getMessage());
        assertThrows(FeedUnreadableException.class, () -> reader.read(new byte[0], null, null));
    }

    @Test
    void anEntryWithoutIdOrLinkIsRefusedWithAReason() throws Exception {
        FeedDocument doc = read("<rss version=\"2.0\"><channel><title>t</title><item><title>orphan</title></item></channel></rss>", null);
        MentionBuilder.Built b = builder.build(doc, "s", "feed", "https://s.example/feed", now).get(0);
        assertTrue(b.refused());
        assertTrue(b.refusal().contains("no guid, id or link"));
    }

    @Test
    void relativeLinksResolveAgainstXmlBase() throws Exception {
        String xml = """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example/fr/"><title>t</title>
                <entry xml:lang="fr"><id>urn:x:1</id><title>a</title><link href="article/1"/></entry></feed>""";
        FeedEntry e = read(xml, null).entries().get(0);
        assertEquals("https://news.example/fr/article/1", e.link());
        assertEquals("fr", e.language());
        assertNull(e.commentFeedUrl());
    }

    @Test
    void htmlIsReducedToTextAndASafeCopy() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>t</title><item><guid>g</guid><description>"
                + "&lt;p onclick=\"x()\"&gt;Hi &lt;a href=\"javascript:alert(1)\"&gt;there&lt;/a&gt;&lt;script&gt;alert(2)&lt;/script&gt;&lt;/p&gt;"
                + "</description></item></channel></rss>";
        RawMention m = builder.build(read(xml, null), "s", "feed", "https://s.example/feed", now).get(0).mention();
        assertEquals("Hi there", m.text());
        assertEquals("<p>Hi <a href=\"\">there</a></p>", m.safeHtml());
        List.of("script", "onclick", "javascript").forEach(bad -> assertFalse(m.safeHtml().contains(bad), bad));
    }

    @Test
    void aWordPressCommentFeedIsRecognisedEvenWhenConfiguredAsAPlainFeed() throws Exception {
        String xml = """
                <rss version="2.0"><channel><title>Commentaires sur : Les antivols Kryptonite</title>
                <item><title>Par : Julie</title><link>https://blog.example/antivols/#comment-3</link>
                <guid isPermaLink="false">https://blog.example/?p=9#comment-3</guid><description>Le mien aussi.</description></item>
                </channel></rss>""";
        RawMention m = builder.build(read(xml, null), "blog", "feed", "https://blog.example/antivols/feed/", now).get(0).mention();
        assertEquals(MentionKind.COMMENT, m.kind());
        assertEquals("https://blog.example/antivols/", m.parentUrl());
    }
}
