package io.vigie.analyze.streams;

import static io.vigie.analyze.streams.TopologyFixture.T0;
import static io.vigie.analyze.streams.TopologyFixture.mention;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.model.BrandStats;
import io.vigie.model.DeadLetter;
import io.vigie.model.Engagement;
import io.vigie.model.MentionKind;
import io.vigie.model.RawMention;
import io.vigie.model.Schema;
import io.vigie.model.ScoredMention;
import io.vigie.model.SentimentLabel;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnalyzeTopologyTest {
    private TopologyFixture t;

    @BeforeEach
    void start() {
        t = new TopologyFixture(TopologyFixture.testConfig());
        t.brand("kryptonite", "(kryptonite OR krypto) -superman -\"clark kent\"");
        t.brand("bic", "bic OR \"stylo bic\"");
    }

    @AfterEach
    void stop() {
        t.close();
    }

    @Test
    void aMentionOfABrandIsScoredWithItsBrandTargetedSentiment() {
        t.send("m1", "blog.example", "My Kryptonite lock is broken. I love my Bic though!", T0.plusSeconds(5));
        ScoredMention s = t.scored.readValue();
        assertEquals(List.of("bic", "kryptonite"), s.brands(), "brands in id order");
        assertEquals(SentimentLabel.NEGATIVE, s.sentimentFor("kryptonite").label());
        assertEquals(SentimentLabel.POSITIVE, s.sentimentFor("bic").label());
        assertEquals("en", s.language());
        assertEquals("m1", s.clusterId());
        assertEquals(1, s.copyCount());
        assertFalse(s.backfill());
        assertEquals(T0.plusSeconds(5), s.eventTime());
    }

    @Test
    void theSupermanMineralIsNotTheLockAndUnmatchedTextsAreNotScored() {
        t.send("m1", "comics.example", "Superman is weak against green kryptonite", T0);
        t.send("m2", "news.example", "Nothing to see here", T0);
        t.send("m3", "blog.example", "KRYPTONITE antivol ouvert au stylo", T0);
        List<ScoredMention> out = t.scored.readValuesToList();
        assertEquals(1, out.size());
        assertEquals("m3", out.get(0).mention().id());
    }

    @Test
    void aWatchlistEditAppliesToTheNextMentionWithoutRestart() {
        t.send("m1", "blog.example", "Abus makes locks too", T0);
        assertTrue(t.scored.isEmpty());
        t.brand("abus", "abus");
        t.send("m2", "blog.example", "Abus makes locks too", T0.plusSeconds(1));
        assertEquals(List.of("abus"), t.scored.readValue().brands());

        t.brand("abus", "abus NEAR/1 bikes");
        t.send("m3", "blog.example", "Abus makes locks too", T0.plusSeconds(2));
        assertTrue(t.scored.isEmpty(), "the edited query no longer matches");

        t.watchlist.pipeInput("abus", null);
        t.send("m4", "blog.example", "Abus bikes", T0.plusSeconds(3));
        assertTrue(t.scored.isEmpty(), "a removed brand no longer matches");
    }

    @Test
    void aBrandWhoseQueryDoesNotParseIsDeadLetteredWithThePositionAndIgnored() {
        t.brand("broken", "(broken OR");
        t.send("m1", "blog.example", "Kryptonite and broken things", T0);
        assertEquals(List.of("kryptonite"), t.scored.readValue().brands());
        DeadLetter d = t.dead.readValue();
        assertEquals("analyze.watchlist", d.stage());
        assertTrue(d.reason().contains("at position 10"), d.reason());
        assertEquals("(broken OR", new String(d.original(), StandardCharsets.UTF_8));
        t.send("m2", "blog.example", "Kryptonite again", T0);
        assertTrue(t.dead.isEmpty(), "reported once, not for every mention");
    }

    @Test
    void anUnreadableWatchlistRecordIsDeadLetteredWithItsBytesAndTheOtherBrandsStillMatch() {
        var bytes = t.driver.createInputTopic(io.vigie.model.Topics.WATCHLIST,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
        byte[] garbage = "{\"id\": \"x\"".getBytes(StandardCharsets.UTF_8);
        bytes.pipeInput("x", garbage);
        t.send("m1", "blog.example", "Kryptonite lock", T0);
        assertEquals(List.of("kryptonite"), t.scored.readValue().brands());
        DeadLetter d = t.dead.readValue();
        assertEquals("analyze.watchlist", d.stage());
        assertTrue(d.reason().contains("unreadable"), d.reason());
        assertArrayEquals(garbage, d.original());
        assertEquals("x", d.key());
    }

    @Test
    void aReDeliveryCountsOnceAndANewVersionUpdatesWithoutCountingTwice() {
        RawMention v1 = mention("m1", 1, "blog.example", "Kryptonite lock review", T0, T0.plusSeconds(1));
        t.send(v1);
        t.send(v1);
        RawMention v2 = new RawMention(Schema.VERSION, "m1", 2, "blog.example", "blog.example", MentionKind.POST,
                v1.url(), null, null, null, "", "Kryptonite lock review", null, null, null, T0, T0.plusSeconds(30), "en",
                new Engagement(null, 50L, null, null, null, null, null), v1.provenance());
        t.send(v2);
        List<ScoredMention> out = t.scored.readValuesToList();
        assertEquals(2, out.size(), "the re-delivery is dropped, the new version is an update");
        assertEquals(2, out.get(1).mention().version());
        assertEquals(1, out.get(1).copyCount());
        t.advance(Duration.ofSeconds(2));
        BrandStats minute = lastOf(t.stats.readValuesToList(), "PT1M");
        assertEquals(1, minute.volume());
        assertEquals(50, minute.reach(), "reach follows the latest engagement (3, then +47)");
    }

    @Test
    void aNewVersionWithAnotherSentimentReplacesTheEarlierOneInItsWindowsWithoutCountingTwice() {
        t.send(mention("m1", 1, "blog.example", "My Kryptonite lock is broken", T0.plusSeconds(10), T0.plusSeconds(11)));
        // Edited and re-published later, its publication date moved into the next minute: the correction goes to
        // the windows the first version was counted in.
        t.send(mention("m1", 2, "blog.example", "My Kryptonite lock: I love it since the fix", T0.plusSeconds(70),
                T0.plusSeconds(71)));
        t.advance(Duration.ofSeconds(2));
        List<BrandStats> stats = t.stats.readValuesToList();
        for (String window : List.of("PT1M", "PT1H")) {
            BrandStats s = lastOf(stats.stream().filter(x -> x.windowStart().equals(T0)).toList(), window);
            assertEquals(1, s.volume(), window);
            assertEquals(0, s.negative(), window + ": the negative first version is taken back");
            assertEquals(1, s.positive(), window);
            assertEquals(0.8, s.meanSentiment(), 1e-9, window);
        }
        assertTrue(stats.stream().noneMatch(x -> x.window().equals("PT1M") && x.windowStart().equals(T0.plusSeconds(60))),
                "nothing counted in the next minute");
    }

    @Test
    void aNewVersionThatNowNamesAnotherBrandCountsOnceForThatBrand() {
        t.send(mention("m1", 1, "blog.example", "My Kryptonite lock is broken", T0.plusSeconds(10), T0.plusSeconds(11)));
        t.send(mention("m1", 2, "blog.example", "My Kryptonite lock is broken. I love my Bic pen", T0.plusSeconds(10),
                T0.plusSeconds(30)));
        t.advance(Duration.ofSeconds(2));
        List<BrandStats> stats = t.stats.readValuesToList();
        BrandStats kryptonite = lastOf(stats.stream().filter(x -> x.brand().equals("kryptonite")).toList(), "PT1M");
        BrandStats bic = lastOf(stats.stream().filter(x -> x.brand().equals("bic")).toList(), "PT1M");
        assertEquals(1, kryptonite.volume());
        assertEquals(1, kryptonite.negative());
        assertEquals(1, bic.volume(), "first counted for bic by its second version");
        assertEquals(1, bic.positive());
        assertEquals(3, bic.reach(), "the whole reach for a brand new to the mention");
    }

    @Test
    void copiesAcrossSitesShareAClusterWithAGrowingCopyCount() {
        String text = "Kryptonite locks can be opened with a simple Bic pen, watch the video";
        t.send("a", "blog-a.example", text + " https://t.example/x1", T0);
        t.send("b", "blog-b.example", "RT @someone: " + text + " https://t.example/x2", T0.plusSeconds(1));
        t.send("c", "forum.example", text.replace("simple", "cheap") + " via @forum", T0.plusSeconds(2));
        t.send("d", "other.example", "Kryptonite says its new locks resist every pen attack we tried today", T0.plusSeconds(3));
        List<ScoredMention> out = t.scored.readValuesToList();
        assertEquals("a", out.get(0).clusterId());
        assertEquals(1, out.get(0).copyCount());
        assertEquals("a", out.get(1).clusterId());
        assertEquals(2, out.get(1).copyCount());
        assertEquals("a", out.get(2).clusterId(), "a one-word edit is still a copy");
        assertEquals(3, out.get(2).copyCount());
        assertEquals("d", out.get(3).clusterId());
        assertEquals(1, out.get(3).copyCount());
    }

    @Test
    void aTextCopiedOnFourSitesRaisesACopySpreadSignal() {
        String text = "Kryptonite locks can be opened with a simple Bic pen, watch the video";
        for (int i = 0; i < 4; i++) {
            t.send("c" + i, "site" + i + ".example", (i == 0 ? "" : "RT @s" + i + ": ") + text, T0.plusSeconds(i));
        }
        List<SpikeSignal> spread = t.signals.readValuesToList().stream()
                .filter(s -> s.kind() == SignalKind.COPY_SPREAD).toList();
        List<SpikeSignal> kryptonite = spread.stream().filter(s -> s.brand().equals("kryptonite")).toList();
        assertEquals(1, kryptonite.size());
        assertEquals(SignalPhase.START, kryptonite.get(0).phase());
        assertEquals("c0", kryptonite.get(0).subject(), "the cluster id");
        assertEquals(4, kryptonite.get(0).observed(), 1e-9);
        assertTrue(kryptonite.get(0).mentionIds().contains("c3"));
        assertEquals(1, spread.stream().filter(s -> s.brand().equals("bic")).count(),
                "the text names Bic too: its copies spread for Bic as well, under its own signal id");
        assertEquals(2, spread.stream().map(SpikeSignal::signalId).distinct().count());
    }

    @Test
    void copiesOfOneTextShareAClusterWhateverBrandItMatchesFirst() {
        String text = "The new lock was opened with a ballpoint pen in thirty seconds, watch the video";
        t.send("k1", "site1.example", "Kryptonite: " + text, T0);
        t.send("k2", "site2.example", "RT @a: Kryptonite: " + text + " #bic", T0.plusSeconds(1));
        List<ScoredMention> out = t.scored.readValuesToList();
        assertEquals(List.of("kryptonite"), out.get(0).brands());
        assertEquals(List.of("bic", "kryptonite"), out.get(1).brands(), "the copy's first brand is bic");
        assertEquals("k1", out.get(1).clusterId(), "one cluster: it is about the text, not the first brand");
        assertEquals(2, out.get(1).copyCount());
    }

    @Test
    void aTemplateSentencePostedOnceForEachOfManyBrandsIsNotACopySpreadingForAnyOfThem() {
        List<String> brands = List.of("abus", "onguard", "zefal", "trelock", "masterlock", "hiplok");
        brands.forEach(b -> t.brand(b, b));
        for (int i = 0; i < brands.size(); i++) {
            t.send("r" + i, "shop" + i + ".example", brands.get(i) + " lock review: solid build, fair price, recommended",
                    T0.plusSeconds(i));
        }
        List<ScoredMention> out = t.scored.readValuesToList();
        assertEquals(brands.size(), out.size());
        assertEquals("r0", out.get(brands.size() - 1).clusterId(), "one text with the brand name swapped: one cluster");
        t.advance(Duration.ofMinutes(2));
        assertTrue(t.signals.readValuesToList().stream().noneMatch(s -> s.kind() == SignalKind.COPY_SPREAD),
                "each brand has one post of the template: nothing spreads");

        for (int i = 0; i < 4; i++) {
            t.send("z" + i, "blog" + i + ".example", "RT @x" + i + ": zefal lock review: solid build, fair price, recommended",
                    T0.plusSeconds(200 + i));
        }
        List<SpikeSignal> spread = t.signals.readValuesToList().stream()
                .filter(s -> s.kind() == SignalKind.COPY_SPREAD).toList();
        assertEquals(1, spread.size(), "the same text copied on four more sites for one brand does spread: " + spread);
        assertEquals("zefal", spread.get(0).brand());
        assertEquals(4, spread.get(0).observed(), 1e-9,
                "started at zefal's fourth site (its first post and three copies), the other brands' posts not counted");
    }

    @Test
    void anItemWhoseEngagementGrowsFarFasterThanItsSourcesRaisesAnItemViralitySignal() {
        for (int i = 0; i < 25; i++) {
            t.send(video("v" + i, 1, 1000, T0.plusSeconds(i)));
            t.send(video("v" + i, 2, 1010 + i % 3, T0.plusSeconds(i + 600)));
        }
        assertTrue(t.signals.readValuesToList().stream().noneMatch(s -> s.kind() == SignalKind.ITEM_VIRALITY));
        t.send(video("hot", 1, 1000, T0.plusSeconds(700)));
        t.send(video("hot", 2, 500_000, T0.plusSeconds(1300)));
        SpikeSignal viral = t.signals.readValuesToList().stream().filter(s -> s.kind() == SignalKind.ITEM_VIRALITY)
                .findFirst().orElseThrow();
        assertEquals(SignalPhase.START, viral.phase());
        assertEquals("hot", viral.subject());
        assertEquals(List.of("hot"), viral.mentionIds());
    }

    private static RawMention video(String id, long version, long views, Instant fetched) {
        return new RawMention(Schema.VERSION, id, version, "tube", "tube.example", MentionKind.VIDEO, null, null, null,
                null, "Kryptonite lock test " + id, "", null, null, null, T0, fetched, "en",
                new Engagement(views, null, null, null, null, null, null), null);
    }

    @Test
    void aLateMentionWithinGraceCountsAndOneBeyondItIsScoredButNotCounted() {
        t.send("m1", "blog.example", "Kryptonite one", T0.plusSeconds(10));
        t.advance(Duration.ofMinutes(1).plusSeconds(30));
        // Within the 2-minute grace of the 10:00 window: counted.
        t.send(mention("m2", 1, "blog.example", "Kryptonite two", T0.plusSeconds(20), T0.plusSeconds(90)));
        t.advance(Duration.ofMinutes(2));
        List<BrandStats> stats = t.stats.readValuesToList();
        BrandStats finalMinute = stats.stream().filter(s -> s.window().equals("PT1M") && s.closed()).findFirst().orElseThrow();
        assertEquals(T0, finalMinute.windowStart());
        assertEquals(2, finalMinute.volume());
        // Beyond the grace: still scored, not counted in the closed minute, counted in the open hour.
        t.send(mention("m3", 1, "blog.example", "Kryptonite three", T0.plusSeconds(30), T0.plusSeconds(240)));
        assertEquals(3, t.scored.readValuesToList().size());
        t.advance(Duration.ofSeconds(2));
        List<BrandStats> after = t.stats.readValuesToList();
        assertTrue(after.stream().noneMatch(s -> s.window().equals("PT1M") && s.windowStart().equals(T0)));
        assertEquals(3, lastOf(after, "PT1H").volume());
    }

    @Test
    void aBackfillIsScoredAndFlaggedButNeverCountedNorSignalled() {
        Instant old = T0.minus(Duration.ofDays(3));
        for (int i = 0; i < 50; i++) {
            t.send(mention("old" + i, 1, "archive.example", "Kryptonite broken " + i, old.plusSeconds(i), T0));
        }
        List<ScoredMention> out = t.scored.readValuesToList();
        assertEquals(50, out.size());
        assertTrue(out.stream().allMatch(ScoredMention::backfill));
        t.advance(Duration.ofMinutes(5));
        assertTrue(t.stats.isEmpty());
        assertTrue(t.signals.isEmpty());
    }

    @Test
    void anOpenWindowIsEmittedAtTheIntervalWhileItChangesThenOnceFinal() {
        t.send("m1", "blog.example", "Kryptonite is broken", T0.plusSeconds(1));
        t.send("m2", "news.example", "Kryptonite is great", T0.plusSeconds(2));
        t.advance(Duration.ofSeconds(1));
        List<BrandStats> first = t.stats.readValuesToList();
        BrandStats open = lastOf(first, "PT1M");
        assertFalse(open.closed());
        assertEquals(2, open.volume());
        assertEquals(1, open.negative());
        assertEquals(1, open.positive());
        assertEquals(0.0, open.meanSentiment(), 1e-9);
        assertEquals(2, open.topSources().size());
        assertTrue(open.topTerms().stream().noneMatch(k -> k.key().equals("kryptonite")), "the brand's own name is not a term");
        t.advance(Duration.ofSeconds(5));
        assertTrue(t.stats.isEmpty(), "no change, no emission");
        t.send("m3", "blog.example", "Kryptonite again", T0.plusSeconds(20));
        t.advance(Duration.ofSeconds(1));
        assertEquals(3, lastOf(t.stats.readValuesToList(), "PT1M").volume());
        t.advance(Duration.ofMinutes(3));
        List<BrandStats> closing = t.stats.readValuesToList();
        List<BrandStats> finals = closing.stream().filter(s -> s.window().equals("PT1M") && s.closed()).toList();
        assertEquals(1, finals.size(), "exactly one final per window");
        assertEquals(3, finals.get(0).volume());
    }

    @Test
    void aVolumeSpikeStartsASignalBeforeItsMinuteEndsAndEndsWhenCalm() {
        for (int minute = 0; minute < 5; minute++) {
            t.send("base" + minute, "blog.example", "Kryptonite daily mention " + minute, T0.plusSeconds(60L * minute + 5));
            t.advance(Duration.ofMinutes(1));
        }
        t.advance(Duration.ofMinutes(2));
        assertTrue(t.signals.isEmpty(), "a quiet series raises nothing");
        Instant spike = T0.plusSeconds(60 * 7 + 3);
        t.advance(Duration.between(T0.plusSeconds(60 * 7), spike));
        for (int i = 0; i < 30; i++) {
            t.send("spike" + i, "site" + i + ".example", "Kryptonite lock opened with a pen, number " + i + " is broken", spike);
        }
        t.advance(Duration.ofSeconds(1));
        List<SpikeSignal> started = t.signals.readValuesToList();
        SpikeSignal volume = started.stream().filter(s -> s.kind() == SignalKind.VOLUME).findFirst().orElseThrow();
        assertEquals(SignalPhase.START, volume.phase());
        assertEquals("kryptonite", volume.brand());
        assertEquals(30, volume.observed(), 1e-9);
        assertTrue(volume.expected() < 2, "expected about one a minute, got " + volume.expected());
        assertTrue(volume.at().isBefore(T0.plusSeconds(60 * 8)), "started within its minute");
        assertFalse(volume.mentionIds().isEmpty());
        assertTrue(volume.mentionIds().get(0).startsWith("spike"));
        assertFalse(volume.explanation().isBlank());
        assertTrue(started.stream().anyMatch(s -> s.kind() == SignalKind.NEGATIVE_VOLUME && s.phase() == SignalPhase.START));
        t.advance(Duration.ofMinutes(8));
        List<SpikeSignal> later = t.signals.readValuesToList();
        SpikeSignal end = later.stream().filter(s -> s.kind() == SignalKind.VOLUME && s.phase() == SignalPhase.END)
                .findFirst().orElseThrow();
        assertEquals(volume.signalId(), end.signalId());
    }

    @Test
    void aSpikeIsJudgedWithinAFractionOfTheEmissionIntervalAfterItsMentionsArrive() {
        for (int minute = 0; minute < 5; minute++) {
            t.send("base" + minute, "blog.example", "Kryptonite daily mention " + minute, T0.plusSeconds(60L * minute + 5));
            t.advance(Duration.ofMinutes(1));
        }
        t.advance(Duration.ofMinutes(2));
        t.advance(Duration.ofMillis(300)); // off the 1 s emission ticks
        assertTrue(t.signals.isEmpty(), "a quiet series raises nothing");
        Instant spike = T0.plusSeconds(60 * 7).plusMillis(300);
        for (int i = 0; i < 30; i++) {
            t.send("spike" + i, "site" + i + ".example", "Kryptonite lock opened with a pen, number " + i + " is broken", spike);
        }
        t.advance(StatsSignalsStep.JUDGE_INTERVAL);
        List<SpikeSignal> started = t.signals.readValuesToList();
        assertTrue(started.stream().anyMatch(s -> s.kind() == SignalKind.VOLUME && s.phase() == SignalPhase.START),
                "VOLUME started one judge interval after the mentions, before the next emission: " + started);
        t.advance(Duration.ofSeconds(1));
        assertTrue(t.signals.readValuesToList().stream().noneMatch(s -> s.kind() == SignalKind.VOLUME && s.phase() == SignalPhase.START),
                "the emission that follows does not start it again");
    }

    @Test
    void unreadableOversizedOrIncompleteRecordsGoToDeadLettersWithTheirOriginalBytesAndTheStreamGoesOn() {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        t.sendBytes("g", garbage, T0);
        byte[] huge = ("{\"id\":\"h\",\"text\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
        t.sendBytes("h", huge, T0);
        byte[] incomplete = "{\"id\":\"i\",\"text\":\"Kryptonite\"}".getBytes(StandardCharsets.UTF_8);
        t.sendBytes("i", incomplete, T0);
        t.send("ok", "blog.example", "Kryptonite still works", T0);
        List<DeadLetter> dead = t.dead.readValuesToList();
        assertEquals(3, dead.size());
        assertArrayEquals(garbage, dead.get(0).original());
        assertTrue(dead.get(0).reason().startsWith("not valid JSON"), dead.get(0).reason());
        assertEquals("mentions.raw", dead.get(0).sourceTopic());
        assertEquals(0L, dead.get(0).offset());
        assertTrue(dead.get(1).reason().contains("over the limit"), dead.get(1).reason());
        assertArrayEquals(huge, dead.get(1).original());
        assertTrue(dead.get(2).reason().contains("missing required field"), dead.get(2).reason());
        assertEquals("ok", t.scored.readValue().mention().id());
    }

    @Test
    void aMentionThatBreaksTheScorerIsDeadLetteredWithItsOriginalBytes() {
        t.close();
        t = new TopologyFixture(TopologyFixture.testConfig(), (text, hint, brands) -> {
            if (text.contains("boom")) {
                throw new IllegalStateException("model exploded");
            }
            return new KeywordSentimentScorer().score(text, hint, brands);
        });
        t.brand("kryptonite", "kryptonite");
        RawMention bad = mention("bad", 1, "blog.example", "Kryptonite boom", T0, T0);
        t.send(bad);
        t.send("good", "blog.example", "Kryptonite fine", T0);
        DeadLetter d = t.dead.readValue();
        assertEquals("analyze.mention", d.stage());
        assertTrue(d.reason().contains("model exploded"));
        assertArrayEquals(JsonSerdes.raw().encode(bad), d.original());
        assertEquals("good", t.scored.readValue().mention().id());
    }

    @Test
    void aBrandLimitedToFrenchIgnoresEnglishMentions() {
        t.watchlist.pipeInput("abus", new io.vigie.model.WatchedBrand(Schema.VERSION, "abus", "Abus", "abus",
                List.of("fr"), false, T0));
        RawMention en = mention("en", 1, "blog.example", "Abus locks", T0, T0);
        t.send(en);
        assertTrue(t.scored.isEmpty());
        RawMention fr = new RawMention(Schema.VERSION, "fr", 1, "blog.example", "blog.example", MentionKind.POST, null,
                null, null, null, "", "Les antivols Abus", null, null, null, T0, T0, "fr", null, null);
        t.send(fr);
        assertEquals(List.of("abus"), t.scored.readValue().brands());
    }

    private static BrandStats lastOf(List<BrandStats> stats, String window) {
        BrandStats last = null;
        for (BrandStats s : stats) {
            if (s.window().equals(window)) {
                last = s;
            }
        }
        assertNotEquals(null, last, "no " + window + " stats in " + stats);
        return last;
    }

}
