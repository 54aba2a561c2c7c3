package io.vigie.analyze.streams;

import io.vigie.analyze.signals.BrandSeriesState;
import io.vigie.analyze.stats.BrandObservation;
import io.vigie.analyze.stats.WindowAccumulator;
import io.vigie.model.JsonSerde;
import io.vigie.model.VigieJson;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON serdes of the values that live only inside the topology: repartition topics and stores. */
final class InternalSerdes {
    private InternalSerdes() {}

    private static final ObjectMapper MAPPER = VigieJson.newMapper();

    static JsonSerde<MatchedMention> matched() {
        return new JsonSerde<>(MAPPER, MatchedMention.class);
    }

    static JsonSerde<BrandObservation> observation() {
        return new JsonSerde<>(MAPPER, BrandObservation.class);
    }

    static JsonSerde<WindowAccumulator> window() {
        return new JsonSerde<>(MAPPER, WindowAccumulator.class);
    }

    static JsonSerde<BrandSeriesState> series() {
        return new JsonSerde<>(MAPPER, BrandSeriesState.class);
    }

    static JsonSerde<io.vigie.analyze.signals.MinuteFigures> minute() {
        return new JsonSerde<>(MAPPER, io.vigie.analyze.signals.MinuteFigures.class);
    }

    static JsonSerde<SeenVersion> seenVersion() {
        return new JsonSerde<>(MAPPER, SeenVersion.class);
    }

    static JsonSerde<ClusterState> cluster() {
        return new JsonSerde<>(MAPPER, ClusterState.class);
    }

    /**
     * The last version of a mention id seen, its reach (an update adds only the reach it gained), whether it
     * matched a brand (a version that matches for the first time counts as new), and the routing key of its copy
     * cluster (a new version goes where its first version was clustered, even if its text changed; null in records
     * stored before the key existed); the brand sentiments the statistics counted for it and the event time they
     * were counted at (a new version swaps its sentiment there; null in records stored before).
     */
    record SeenVersion(long version, String contentHash, long reach, boolean matched,
            io.vigie.analyze.detection.virality.EngagementGrowthDetector.ItemGrowth growth, String copyKey,
            java.util.Map<String, io.vigie.model.Sentiment> brandSentiments, Long countedAtMs) {}

    /**
     * A near-duplicate cluster: the MinHash signature of its first text (candidates are verified against it) and
     * its spread over sites whatever the brands (its copy count); each brand's own spread, which signals, is kept
     * apart in the {@code copy-brand-spread} store.
     */
    record ClusterState(String signature, io.vigie.analyze.detection.virality.CopySpreadDetector.ClusterSpread spread) {
        int copies() {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, spread.copies));
        }
    }

    static JsonSerde<io.vigie.analyze.detection.virality.CopySpreadDetector.ClusterSpread> spread() {
        return new JsonSerde<>(MAPPER, io.vigie.analyze.detection.virality.CopySpreadDetector.ClusterSpread.class);
    }

    static JsonSerde<io.vigie.analyze.detection.virality.EngagementGrowthDetector.SourceGrowth> sourceGrowth() {
        return new JsonSerde<>(MAPPER, io.vigie.analyze.detection.virality.EngagementGrowthDetector.SourceGrowth.class);
    }
}
