package io.vigie.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.analyze.sentiment.MentionSentiment;
import io.vigie.analyze.streams.AnalyzeService;
import io.vigie.model.Sentiment;
import io.vigie.model.SentimentLabel;
import io.vigie.model.WatchedBrand;
import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.config.ConfigException;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.StageContext;
import io.vigie.runtime.service.VigieService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class AnalyzeStageTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private final AnalyzeStage stage = new AnalyzeStage(() -> (text, hint, brands) -> new MentionSentiment("en", 1,
            new Sentiment(SentimentLabel.NEUTRAL, 0, 1, "none", "0"), Map.of()));

    private static StageContext context(String yaml) {
        return new StageContext(ConfigDocument.parse(yaml, "vigie.yaml", name -> null),
                KafkaConnection.plaintext("localhost:1"), null, "instance-1", Path.of("target/state-test"), CLOCK);
    }

    @Test
    void theAnalyzeAndBrandsSectionsBecomeOneExactlyOnceStreamsService() {
        List<VigieService> services = stage.services(context("""
                analyze:
                  applicationId: vigie-analyze-test
                  commitIntervalMs: 50
                  grace: PT3M
                brands:
                  - id: kryptonite
                    query: 'kryptonite -superman'
                    languages: [fr, en]
                """));
        assertEquals(1, services.size());
        AnalyzeService service = (AnalyzeService) services.get(0);
        var p = service.properties();
        assertEquals("vigie-analyze-test", p.get(StreamsConfig.APPLICATION_ID_CONFIG));
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals(50, p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        assertTrue(p.get(StreamsConfig.STATE_DIR_CONFIG).toString().startsWith(Path.of("target/state-test").toString()));
        List<WatchedBrand> brands = AnalyzeStage.brands(context("brands:\n  - id: bic\n    query: bic\n").config(), CLOCK.instant());
        assertEquals("bic", brands.get(0).id());
    }

    @Test
    void aBrandQueryThatDoesNotParseIsRefusedWithKeyLineAndPosition() {
        ConfigException e = assertThrows(ConfigException.class, () -> stage.services(context("""
                brands:
                  - id: kryptonite
                    query: kryptonite
                  - id: bic
                    query: '(bic OR'
                """)));
        assertTrue(e.getMessage().contains("brands[1].query"), e.getMessage());
        assertTrue(e.getMessage().startsWith("vigie.yaml:5:"), e.getMessage());
        assertTrue(e.getMessage().contains("at position 7"), e.getMessage());
    }

    @Test
    void aBadAnalyzeValueNamesItsKeyAndLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> stage.services(context("""
                analyze:
                  threads: 1
                  commitIntervalMs: 0
                """)));
        assertTrue(e.getMessage().contains("analyze"), e.getMessage());
        assertTrue(e.getMessage().contains("commitIntervalMs must be at least 1"), e.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class, () -> stage.services(context("""
                analyze:
                  comitIntervalMs: 10
                """)));
        assertTrue(unknown.getMessage().contains("analyze.comitIntervalMs"), unknown.getMessage());
        assertTrue(unknown.getMessage().startsWith("vigie.yaml:2:"), unknown.getMessage());
    }

    @Test
    void aBrandIdGivenTwiceIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> stage.services(context("""
                brands:
                  - id: bic
                    query: bic
                  - id: bic
                    query: stylo
                """)));
        assertTrue(e.getMessage().contains("brands[1].id"), e.getMessage());
    }
}
