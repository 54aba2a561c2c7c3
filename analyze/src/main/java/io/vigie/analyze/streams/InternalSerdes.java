package io.vigie.analyze.streams;

import io.vigie.analyze.signals.SeriesState;
import io.vigie.analyze.stats.BrandObservation;
import io.vigie.analyze.stats.WindowAccumulator;
import io.vigie.model.JsonSerde;
import io.vigie.model.VigieJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;

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

    static JsonSerde<BrandSeries> series() {
        return new JsonSerde<>(MAPPER, BrandSeries.class);
    }

    static JsonSerde<SeenVersion> seenVersion() {
        return new JsonSerde<>(MAPPER, SeenVersion.class);
    }

    static JsonSerde<ClusterState> cluster() {
        return new JsonSerde<>(MAPPER, ClusterState.class);
    }

    /**
     * The last version of a mention id seen, its reach (an update adds only the reach it gained) and whether it
     * matched a brand (a version that matches for the first time counts as new).
     */
    record SeenVersion(long version, String contentHash, long reach, boolean matched) {}

    /**
     * A near-duplicate cluster: how many copies, on which hosts (at most 50 kept), and the MinHash signature of its
     * first text, against which candidates are verified.
     */
    record ClusterState(int copies, java.util.List<String> hosts, String signature) {}

    /** The detector state of each series of one brand. */
    static final class BrandSeries {
        @com.fasterxml.jackson.annotation.JsonProperty
        public Map<String, SeriesState> byKind = new HashMap<>();
    }
}
