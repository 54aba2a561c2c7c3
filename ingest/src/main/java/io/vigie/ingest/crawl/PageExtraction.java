package io.vigie.ingest.crawl;

import io.vigie.model.Engagement;
import java.util.List;

/**
 * What one page holds: how its comments were found, the article or opening post, the comments, the next page and
 * forum threads it links to, and notes for the rule writer.
 *
 * @param method "rule:&lt;name&gt;", "schema.org", "generic" or "none"
 * @param post the article or the opening post, when the page has one apart from the comments
 * @param firstIsPost the first comment is the thread's opening post (a forum thread's first page without article)
 * @param needsJavaScript the page shows signs of comments loaded by scripts and none in its HTML
 * @param declaredCount a comment count the page declares (schema.org commentCount, interactionStatistic), or null
 */
public record PageExtraction(String method, PageComment post, String title, List<PageComment> comments,
                             boolean firstIsPost, String nextPageUrl, List<String> threadLinks, boolean needsJavaScript,
                             Long declaredCount, Engagement engagement, List<String> notes) {
    public PageExtraction {
        comments = List.copyOf(comments);
        threadLinks = List.copyOf(threadLinks);
        notes = List.copyOf(notes);
        engagement = engagement == null ? Engagement.NONE : engagement;
    }

    public long datesRead() {
        return comments.stream().filter(c -> c.publishedAt() != null).count();
    }
}
