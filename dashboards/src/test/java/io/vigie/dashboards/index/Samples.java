package io.vigie.dashboards.index;

import io.vigie.model.Engagement;
import io.vigie.model.MentionResponse;
import io.vigie.model.ResponseChange;
import io.vigie.model.ResponseChannel;
import io.vigie.model.ResponseStatus;
import io.vigie.model.MediaRef;
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

/** Scored mentions with every field set, for document and mapping tests. */
public final class Samples {
    public static final Instant T0 = Instant.parse("2004-09-14T10:15:30Z");

    private Samples() {}

    public static ScoredMention kryptonite(String id, Instant eventTime) {
        return mention(id, "bikeforums", eventTime, 2);
    }

    /** A mention from a given source, so a test finds its own documents among those of other tests. */
    public static ScoredMention mention(String id, String source, Instant eventTime, long version) {
        return mention(id, source, eventTime, version, "Cadenas Kryptonite", "https://bikeforums.net/t/123#" + id);
    }

    /** A mention with a given title and URL, e.g. hostile ones for escaping tests. */
    public static ScoredMention mention(String id, String source, Instant eventTime, long version, String title,
            String url) {
        RawMention raw = new RawMention(Schema.VERSION, id, version, source, "bikeforums.net", MentionKind.COMMENT,
                url, "https://bikeforums.net/t/123",
                "https://bikeforums.net/t/123/comments/feed", "velo_nerd", title,
                "L’équipe Kryptonite n'a rien dit : le cadenas s’ouvre avec un stylo Bic.", "<p>Un Bic suffit</p>",
                List.of("Locks", "security"),
                List.of(new MediaRef("https://video.example/v/1.mp4", "video/mp4", 1234L, "https://video.example/v/1.jpg")),
                eventTime, eventTime.plusSeconds(42), "fr", new Engagement(1000L, 50L, 3L, 12L, 7L, 4.5, 20L),
                new Provenance("feed", "bikeforums", "https://bikeforums.net/feed", "sha256:abc"));
        Sentiment negative = new Sentiment(SentimentLabel.NEGATIVE, -0.8, 0.9, "social-fr", "1");
        Sentiment neutral = new Sentiment(SentimentLabel.NEUTRAL, 0.0, 0.6, "social-fr", "1");
        return new ScoredMention(Schema.VERSION, raw, List.of("kryptonite", "bic", "velib"), "fr", 0.97, negative,
                Map.of("kryptonite", negative, "bic", neutral), "c-42", 3, false, eventTime, eventTime.plusSeconds(43));
    }

    /** A response with every field of the document's {@code response} set (built directly, not folded). */
    public static MentionResponse answeredResponse(String mentionId) {
        ResponseChange answer = new ResponseChange("c1", ResponseChange.ANSWER, "bob", T0.plusSeconds(60), null,
                ResponseChannel.SAME_THREAD, "https://bikeforums.net/t/123#reply", null, "called too");
        return new MentionResponse(Schema.VERSION, mentionId, "kryptonite", T0, ResponseStatus.ANSWERED, "bob",
                ResponseChannel.SAME_THREAD, "https://bikeforums.net/t/123#reply", "was a duplicate at first",
                "called too", 1, T0.plusSeconds(60), "bob", T0.plusSeconds(60), List.of(answer));
    }
}
