package io.vigie.analyze;

import io.vigie.analyze.brands.BrandEntry;
import io.vigie.query.QueryParseException;
import io.vigie.analyze.sentiment.MentionSentimentScorer;
import io.vigie.analyze.sentiment.SentimentModels;
import io.vigie.analyze.streams.AnalyzeConfig;
import io.vigie.analyze.streams.AnalyzeService;
import io.vigie.model.WatchedBrand;
import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.service.Stage;
import io.vigie.runtime.service.StageContext;
import io.vigie.runtime.service.VigieService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The analyze stage as the launcher sees it: binds {@code analyze:} and {@code brands:}, checks every brand query
 * (an error names the key, the line and the position in the query), and returns the streams service.
 */
public final class AnalyzeStage implements Stage {
    private final Supplier<MentionSentimentScorer> scorers;

    /** With the sentiment part's shipped models. */
    public AnalyzeStage() {
        this(AnalyzeStage::liveScorer);
    }

    public AnalyzeStage(Supplier<MentionSentimentScorer> scorers) {
        this.scorers = scorers;
    }

    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public List<VigieService> services(StageContext context) {
        ConfigDocument doc = context.config();
        AnalyzeConfig config = doc.bind("analyze", AnalyzeConfig.class, AnalyzeConfig.DEFAULT);
        List<WatchedBrand> brands = brands(doc, context.clock().instant());
        return List.of(new AnalyzeService(config, context.kafka(), context.stateDirectory(), context.instanceId(),
                scorers.get(), brands, context.metrics()));
    }

    /** The {@code brands:} section, every query checked. */
    public static List<WatchedBrand> brands(ConfigDocument doc, Instant now) {
        BrandEntry[] entries = doc.bind("brands", BrandEntry[].class, new BrandEntry[0]);
        List<WatchedBrand> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.length; i++) {
            BrandEntry e = entries[i];
            if (!ids.add(e.id())) {
                throw doc.error("brands[" + i + "].id", "brand id '" + e.id() + "' appears twice");
            }
            try {
                out.add(e.toWatchedBrand(now));
            } catch (QueryParseException q) {
                throw doc.error("brands[" + i + "].query", "the query does not parse, " + q.getMessage());
            }
        }
        return out;
    }

    /** The sentiment part's live scorer: language identification, the shipped linear models, CoreNLP sentences. */
    public static MentionSentimentScorer liveScorer() {
        return SentimentModels.liveScorer();
    }
}
