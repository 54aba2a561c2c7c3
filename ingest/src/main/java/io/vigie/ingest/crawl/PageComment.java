package io.vigie.ingest.crawl;

import java.time.Instant;

/**
 * One comment or post found on a page.
 *
 * @param anchor the element id the page gives it ({@code comment-12}, {@code p4514}), the base of its identity; null
 *     when the page gives none
 * @param position 1-based place on the page, in document order
 * @param parentAnchor for a nested reply, the anchor of the comment it answers
 * @param dateText the date as written, kept so a rule writer sees what was not understood
 * @param publishedAt the date read, or null
 */
public record PageComment(String anchor, int position, String parentAnchor, String author, String dateText,
                          Instant publishedAt, String text, String html, String permalink, String replyUrl) {}
