package io.vigie.dashboards.web;

import io.vigie.model.Engagement;
import io.vigie.model.MentionKind;
import io.vigie.model.Provenance;
import io.vigie.model.RawMention;
import io.vigie.model.Schema;
import io.vigie.model.ScoredMention;
import io.vigie.model.Sentiment;
import io.vigie.model.SentimentLabel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Scored mentions of one brand, scored now, as analyze would publish them on {@code mentions.scored}. */
public final class TestMentions {
    private TestMentions() {}

    public static ScoredMention of(String id, String brand, String source, SentimentLabel label, String language,
            String title, String text, String safeHtml, Instant eventTime) {
        RawMention raw = new RawMention(Schema.VERSION, id, 1, source, source + ".example", MentionKind.POST,
                "https://" + source + ".example/p/" + id, null, null, "author-" + (Math.abs(id.hashCode()) % 3), title,
                text, safeHtml, List.of(), List.of(), eventTime, eventTime.plusSeconds(1), language,
                new Engagement(100L, 5L, null, 2L, 1L, null, null), new Provenance("feed", source, "https://" + source
                        + ".example/feed", "sha256:" + id));
        Sentiment s = new Sentiment(label, label == SentimentLabel.NEGATIVE ? -0.8 : label == SentimentLabel.POSITIVE ? 0.8 : 0,
                0.9, "test", "1");
        return new ScoredMention(Schema.VERSION, raw, List.of(brand), language, 0.99, s, Map.of(brand, s), "c-" + id, 1,
                false, eventTime, scoredAt(eventTime));
    }

    /** Scored a second after it was published, or now for a mention of the last second: history stays history. */
    static Instant scoredAt(Instant eventTime) {
        Instant soon = eventTime.plusSeconds(1);
        Instant now = Instant.now();
        return soon.isBefore(now) ? soon : now;
    }

    public static ScoredMention simple(String id, String brand, String source, SentimentLabel label, Instant eventTime) {
        return of(id, brand, source, label, "fr", "Cadenas " + brand + " " + id,
                "Mon antivol " + brand + " a lâché ce matin, rien à signaler sinon.", "<p>Mon antivol " + brand + "</p>",
                eventTime);
    }

    /**
     * A newer version of {@code s} (its views grew), scored now: what analyze publishes when a feed updates an item
     * it published before.
     */
    public static ScoredMention newerVersion(ScoredMention s, long version, long views) {
        RawMention m = s.mention();
        RawMention raw = new RawMention(m.schemaVersion(), m.id(), version, m.source(), m.sourceHost(), m.kind(), m.url(),
                m.parentUrl(), m.threadUrl(), m.author(), m.title(), m.text(), m.safeHtml(), m.categories(), m.media(),
                m.publishedAt(), Instant.now(), m.languageHint(), new Engagement(views, 5L, null, 2L, 1L, null, null),
                m.provenance(), m.position(), m.replyUrl());
        return new ScoredMention(s.schemaVersion(), raw, s.brands(), s.language(), s.languageConfidence(), s.sentiment(),
                s.brandSentiments(), s.clusterId(), s.copyCount(), s.backfill(), s.eventTime(), Instant.now());
    }
}
