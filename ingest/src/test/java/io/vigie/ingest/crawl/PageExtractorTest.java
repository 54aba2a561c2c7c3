package io.vigie.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.ingest.cli.EvalCrawlCommand;
import io.vigie.ingest.feeds.HtmlSanitizer;
import io.vigie.model.MentionKind;
import io.vigie.model.RawMention;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageExtractorTest {
    private static final Instant NOW = Instant.parse("2024-05-15T14:30:00Z");
    private final PageExtractor extractor = new PageExtractor();

    private PageExtraction read(String html, SiteRule rule) {
        return extractor.extract(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8",
                "https://blog.example/post/1", rule, NOW);
    }

    static final String WORDPRESS = """
            <html lang="en"><body class="content-sidebar">
            <article class="post type-post"><h1>Locks</h1><div class="entry-content"><p>Our new lock.</p></div></article>
            <div id="comments"><ol class="comment-list">
              <li id="comment-1" class="comment even depth-1"><article class="comment-body">
                <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Alice</b> <span class="says">says:</span></div>
                <div class="comment-metadata"><a href="https://blog.example/post/1#comment-1"><time datetime="2024-05-14T10:00:00+00:00">May 14</time></a></div></footer>
                <div class="comment-content"><p>Opened it with a pen in seconds.</p></div>
                <div class="reply"><a class="comment-reply-link" href="https://blog.example/post/1?replytocom=1#respond">Reply</a></div>
              </article>
              <ol class="children"><li id="comment-2" class="comment odd depth-2"><article class="comment-body">
                <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Bob</b></div>
                <div class="comment-metadata"><time datetime="2024-05-14T11:00:00+00:00">May 14</time></div></footer>
                <div class="comment-content"><blockquote>Opened it with a pen</blockquote><p>Same here, a Bic did it.</p></div>
              </article></li></ol></li>
              <li id="comment-3" class="pingback"><div class="comment-body">Pingback: <a href="https://x.example/">Another blog</a></div></li>
            </ol></div>
            <aside class="sidebar"><ul class="recentcomments"><li class="recentcomments"><span class="comment-author-link">Eve</span> on Locks</li></ul></aside>
            </body></html>""";

    @Test
    void theGenericReaderFindsNestedCommentsAndLeavesOutPingbacksQuotesAndWidgets() {
        PageExtraction x = read(WORDPRESS, null);
        assertEquals("generic", x.method());
        assertEquals(2, x.comments().size());
        PageComment alice = x.comments().get(0);
        PageComment bob = x.comments().get(1);
        assertEquals("Alice", alice.author());
        assertEquals("Opened it with a pen in seconds.", alice.text());
        assertEquals(Instant.parse("2024-05-14T10:00:00Z"), alice.publishedAt());
        assertEquals("https://blog.example/post/1#comment-1", alice.permalink());
        assertEquals("https://blog.example/post/1?replytocom=1#respond", alice.replyUrl());
        assertEquals("Bob", bob.author());
        assertEquals("Same here, a Bic did it.", bob.text(), "the quote of the earlier comment is left out");
        assertEquals("comment-1", bob.parentAnchor());
        assertFalse(x.firstIsPost());
        assertEquals("Our new lock.", x.post().text());
    }

    @Test
    void aSiteRuleComesFirstAndSaysWhichSelectorMatchedNothing() {
        SiteRule rule = new SiteRule("forum", List.of(), "div.msg", "span.who", "span.when", "div.says", null,
                "a.answer", null, null, "dd/MM/yyyy HH:mm", "Europe/Paris", "fr");
        String html = "<html><body><div class=msg id=m7><span class=who>Zoé</span><span class=when>03/03/2009 10:12</span>"
                + "<div class=says>Le cadenas a cédé.</div><a class=answer href='/reply?to=7'>répondre</a></div></body></html>";
        PageExtraction x = read(html, rule);
        assertEquals("rule:forum", x.method());
        PageComment c = x.comments().get(0);
        assertEquals("Zoé", c.author());
        assertEquals("Le cadenas a cédé.", c.text());
        assertEquals(Instant.parse("2009-03-03T09:12:00Z"), c.publishedAt(), "read in the rule's time zone");
        assertEquals("https://blog.example/reply?to=7", c.replyUrl());

        SiteRule wrong = new SiteRule("forum", List.of(), "section div.message", null, null, null, null, null, null,
                null, null, null, null);
        PageExtraction fallback = read(WORDPRESS, wrong);
        assertEquals("generic", fallback.method());
        assertTrue(fallback.notes().get(0).contains("'section div.message' matched nothing"), fallback.notes().toString());
    }

    private static String forumPost(int n, String author, String at, String text) {
        return "<article class=post id=p" + n + "><p><a class=permalink href='/t/3#p" + n + "'>#" + n + "</a> by <span"
                + " class=author>" + author + "</span> <time datetime='" + at + "'>" + at + "</time></p><div class=content>"
                + text + "</div></article>";
    }

    @Test
    void aForumThreadReadByARuleOpensWithItsOpeningPostWhichBecomesTheThreadsPost() {
        SiteRule rule = new SiteRule("velotaf", List.of(), "article.post", ".author", "time", "div.content",
                "a.permalink", null, null, null, null, "UTC", null);
        String html = "<html><head><title>Locks - Forum</title></head><body><h1>Mithril locks opened with a pen?!</h1>"
                + forumPost(1, "velotafeur", "2024-05-15T10:00:00Z", "Opened with a pen. Scandale.")
                + forumPost(2, "rider7", "2024-05-15T10:05:00Z", "Same here, furious.") + "</body></html>";
        String thread = "https://forum.example/t/3";
        PageExtraction x = extractor.extract(html.getBytes(StandardCharsets.UTF_8), "text/html", thread, rule, NOW);
        assertEquals("rule:velotaf", x.method());
        assertTrue(x.firstIsPost(), "a rule's items named as posts, on a page without an article");

        List<RawMention> firstPage = PageMentions.build(x, "Vélotaf", thread, thread, 0, true, NOW, null,
                new HtmlSanitizer()).stream().map(PageMentions.Built::mention).toList();
        assertEquals(2, firstPage.size());
        RawMention opening = firstPage.get(0);
        assertEquals(MentionKind.POST, opening.kind());
        assertEquals("Mithril locks opened with a pen?!", opening.title());
        assertEquals("velotafeur", opening.author());
        assertEquals(thread + "#p1", opening.url());
        assertNull(opening.parentUrl());
        RawMention reply = firstPage.get(1);
        assertEquals(MentionKind.COMMENT, reply.kind());
        assertEquals("", reply.title());
        assertEquals(thread + "#p2", reply.url());
        assertEquals(thread, reply.parentUrl());
        assertEquals(2, reply.position());

        // On a later page of the thread, the first post is a reply like the others.
        List<RawMention> laterPage = PageMentions.build(x, "Vélotaf", thread, thread + "?page=2", 20, false, NOW, null,
                new HtmlSanitizer()).stream().map(PageMentions.Built::mention).toList();
        assertEquals(MentionKind.COMMENT, laterPage.get(0).kind());
        assertEquals(21, laterPage.get(0).position());

        // Items a rule names as comments are an article's comments: none of them is the article.
        SiteRule comments = new SiteRule("blog", List.of(), "li.comment", null, null, null, null, null, null, null,
                null, null, null);
        String blog = "<html><body><ol><li class=comment id=comment-1><b class=fn>Ann</b> <time datetime='2024-05-15T10:00:00Z'>"
                + "May 15</time><p>First comment.</p></li></ol></body></html>";
        PageExtraction y = read(blog, comments);
        assertEquals("rule:blog", y.method());
        assertFalse(y.firstIsPost());
    }

    @Test
    void jsonLdCommentsAreReadWithTheirAuthorsAndDates() {
        String html = """
                <html><head><script type="application/ld+json">
                {"@context":"https://schema.org","@type":"BlogPosting","headline":"Locks","commentCount":2,
                 "comment":[{"@type":"Comment","author":{"@type":"Person","name":"Ann"},"datePublished":"2024-05-01T08:00:00Z",
                   "text":"First <b>comment</b>","url":"https://blog.example/post/1#c1"},
                  {"@type":"Comment","author":"Ben","dateCreated":"2024-05-02","text":"Second one"}]}
                </script></head><body><p>Article</p></body></html>""";
        PageExtraction x = read(html, null);
        assertEquals("schema.org", x.method());
        assertEquals(2, x.comments().size());
        assertEquals("Ann", x.comments().get(0).author());
        assertEquals("First comment", x.comments().get(0).text());
        assertEquals("c1", x.comments().get(0).anchor());
        assertEquals(Instant.parse("2024-05-02T00:00:00Z"), x.comments().get(1).publishedAt());
        assertEquals(2L, x.declaredCount());
    }

    @Test
    void microdataAndRdfaCommentsAreRead() {
        String microdata = "<html><body><div itemscope itemtype='https://schema.org/Comment'><span itemprop=author>"
                + "<span itemprop=name>Léa</span></span><meta itemprop=datePublished content='2024-04-01T12:00:00+02:00'>"
                + "<p itemprop=text>Très déçue par ce cadenas.</p></div></body></html>";
        PageExtraction x = read(microdata, null);
        assertEquals("schema.org", x.method());
        assertEquals("Léa", x.comments().get(0).author());
        assertEquals(Instant.parse("2024-04-01T10:00:00Z"), x.comments().get(0).publishedAt());
        String rdfa = "<html><body><div vocab='https://schema.org/' typeof='Comment'><span property=author>Max</span>"
                + "<p property=text>Schloss in zehn Sekunden offen.</p></div></body></html>";
        assertEquals("Max", read(rdfa, null).comments().get(0).author());
    }

    @Test
    void aVideoObjectGivesViewsAndNoComment() {
        String html = """
                <html><head><script type="application/ld+json">{"@type":"VideoObject","name":"Lock picked",
                "interactionStatistic":[{"@type":"InteractionCounter","interactionType":{"@type":"WatchAction"},"userInteractionCount":12345},
                {"@type":"InteractionCounter","interactionType":"https://schema.org/CommentAction","userInteractionCount":3}]}</script>
                </head><body><div class="teaser"><h3>More videos</h3><p>By Someone, 3 hours ago</p></div></body></html>""";
        PageExtraction x = read(html, null);
        assertEquals(0, x.comments().size());
        assertEquals(12345L, x.engagement().views());
        assertEquals(3L, x.engagement().comments());
    }

    @Test
    void aForumTableLayoutGivesOnePostPerBodyAndTheFirstIsTheOpeningPost() {
        String post = "<tr><td class=row1><span class=name><a name=%d></a><b>%s</b></span><span class=postdetails>Joined: 26 Oct 2007</span></td>"
                + "<td><table><tr><td class=postdetails>Posted: Thu Jun 03, 2010 %s</td></tr>"
                + "<tr><td class=postbody>%s</td></tr><tr><td class=genmed>_____<br>my signature</td></tr></table></td></tr>";
        String html = "<html><body><table class=forumline>" + String.format(post, 1, "prestbury2", "6:00 pm", "Boat relaunched today.")
                + String.format(post, 2, "Deano", "7:27 pm", "Best of luck with it.") + "</table>"
                + "<a href='viewtopic.php?t=5&start=15'>2</a><link rel=next href='viewtopic.php?t=5&amp;start=15'></body></html>";
        PageExtraction x = read(html, null);
        assertEquals(2, x.comments().size());
        assertEquals("Deano", x.comments().get(1).author());
        assertEquals("Best of luck with it.", x.comments().get(1).text(), "the signature is left out");
        assertEquals(Instant.parse("2010-06-03T19:27:00Z"), x.comments().get(1).publishedAt(), "not the join date");
        assertEquals("https://blog.example/post/viewtopic.php?t=5&start=15", x.nextPageUrl());
    }

    @Test
    void commentsLoadedByAScriptAreReportedAndNothingIsInvented() {
        String html = "<html><body><article><h1>Title</h1><div class=entry-content><p>Text by an author, 3 hours ago.</p></div></article>"
                + "<div id=disqus_thread></div><script src='https://example.disqus.com/embed.js'></script></body></html>";
        PageExtraction x = read(html, null);
        assertTrue(x.comments().isEmpty());
        assertTrue(x.needsJavaScript());
        assertTrue(x.notes().stream().anyMatch(n -> n.contains("JavaScript")));
    }

    @Test
    void aPageWithOnlyACommentFormHasNoComment() {
        String html = "<html><body><article class=post id=post-9><h1>T</h1><div class=entry-content>Body</div></article>"
                + "<div id=respond class=comment-respond><h3 class=comment-reply-title>Leave a reply</h3>"
                + "<form class=comment-form><p class=comment-form-comment><textarea></textarea></p></form></div></body></html>";
        PageExtraction x = read(html, null);
        assertEquals(0, x.comments().size());
        assertNull(x.nextPageUrl());
    }

    @Test
    void theSavedApachePagesMeetTheGoals() throws Exception {
        List<EvalCrawlCommand.PageScore> scores = EvalCrawlCommand.score(Path.of("..", "testdata", "pages"));
        assertEquals(5, scores.size());
        int snippets = 0;
        int found = 0;
        int authors = 0;
        int right = 0;
        for (EvalCrawlCommand.PageScore s : scores) {
            assertTrue(s.countInRange(), s.toString());
            snippets += s.snippets();
            found += s.snippetsFound();
            authors += s.authors();
            right += s.authorsRight();
        }
        assertTrue(found >= 0.9 * snippets, found + "/" + snippets);
        assertTrue(right >= 0.9 * authors, right + "/" + authors);
    }
}
