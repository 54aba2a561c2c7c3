package io.vigie.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Sample records with every field set, for round-trip tests. */
final class ModelSamples {
    static final Instant T0 = Instant.parse("2004-09-14T10:15:30Z");

    private ModelSamples() {}

    static RawMention rawMention() {
        return new RawMention(Schema.VERSION, "https://bikeforums.net/t/123#c4", 2, "bikeforums", "bikeforums.net",
                MentionKind.COMMENT, "https://bikeforums.net/t/123#c4", "https://bikeforums.net/t/123",
                "https://bikeforums.net/t/123/comments/feed", "velo_nerd", "Kryptonite lock",
                "Un Bic suffit pour ouvrir le cadenas Kryptonite. Incroyable 😱", "<p>Un Bic suffit</p>",
                List.of("locks", "security"), List.of(new MediaRef("https://video.example/v/1.mp4", "video/mp4", 1234L,
                        "https://video.example/v/1.jpg")),
                T0, T0.plusSeconds(42), "fr", new Engagement(1000L, 50L, 3L, 12L, null, 4.5, 20L),
                new Provenance("feed", "bikeforums", "https://bikeforums.net/feed", "sha256:abc"));
    }

    static Sentiment negative() {
        return new Sentiment(SentimentLabel.NEGATIVE, -0.8, 0.9, "social-fr", "1");
    }

    static ScoredMention scoredMention() {
        return new ScoredMention(Schema.VERSION, rawMention(), List.of("kryptonite"), "fr", 0.97, negative(),
                Map.of("kryptonite", negative()), "c-42", 3, false, T0, T0.plusSeconds(43));
    }

    static BrandStats brandStats() {
        return new BrandStats(Schema.VERSION, "kryptonite", "PT1M", T0, T0.plusSeconds(60), true, 10, 7, 2, 1, -0.55,
                12_000, List.of(new KeyCount("bikeforums.net", 6)), List.of(new KeyCount("bic", 5)), T0.plusSeconds(61));
    }

    static SpikeSignal spikeSignal() {
        return new SpikeSignal(Schema.VERSION, "sig-1", "kryptonite", SignalKind.NEGATIVE_VOLUME, SignalPhase.START,
                Direction.RISE, null, T0, T0.plusSeconds(300), 36, 3, 0.999, 1e-6,
                "negative mentions 12x expected since 10:15", List.of("m1", "m2"));
    }

    static IncidentEvent incident() {
        return new IncidentEvent(Schema.VERSION, "inc-1", "kryptonite", SignalKind.NEGATIVE_VOLUME, Severity.CRITICAL,
                IncidentStatus.ACKNOWLEDGED, T0, T0.plusSeconds(600), null, 36, 3, "negative mentions 12x expected",
                List.of("sig-1"), List.of("m1"), List.of(new IncidentAction("acknowledged", "alice", T0.plusSeconds(600),
                        "on it")));
    }

    static WatchedBrand watchedBrand() {
        return new WatchedBrand(Schema.VERSION, "kryptonite", "Kryptonite",
                "\"kryptonite\" AND (lock OR cadenas) NOT superman", List.of("fr", "en"), false, T0);
    }

    static DeadLetter deadLetter() {
        return new DeadLetter(Schema.VERSION, "indexer", Topics.MENTIONS_SCORED, 2, 41L, "m1",
                "invalid ScoredMention: missing required field 'id'", "UndecodableRecordException",
                "{\"broken\":true}".getBytes(), T0);
    }

    static MentionResponse mentionResponse() {
        ResponseChange assign = new ResponseChange("ch-1", ResponseChange.ASSIGN, "alice", T0.plusSeconds(60), "bob",
                null, null, null, null);
        ResponseChange answer = new ResponseChange("ch-2", ResponseChange.ANSWER, "bob", T0.plusSeconds(300), null,
                ResponseChannel.SAME_THREAD, "https://bikeforums.net/t/123#reply-9", null, "answered with the recall page");
        return new MentionResponse(Schema.VERSION, "m1", "kryptonite", T0, ResponseStatus.ANSWERED, "bob",
                ResponseChannel.SAME_THREAD, "https://bikeforums.net/t/123#reply-9", null,
                "answered with the recall page", 2, T0.plusSeconds(300), "bob", T0.plusSeconds(300),
                List.of(assign, answer));
    }

    static ReplyTemplate replyTemplate() {
        return new ReplyTemplate(Schema.VERSION, "recall", "kryptonite", "fr", "Rappel produit",
                "Bonjour, nous sommes désolés…", "admin", T0);
    }
}
