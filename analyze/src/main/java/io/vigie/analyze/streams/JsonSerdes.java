package io.vigie.analyze.streams;

import io.vigie.model.BrandStats;
import io.vigie.model.DeadLetter;
import io.vigie.model.JsonSerde;
import io.vigie.model.RawMention;
import io.vigie.model.ScoredMention;
import io.vigie.model.SpikeSignal;
import io.vigie.model.WatchedBrand;

/** The serdes of the public topics the topology reads and writes. */
public final class JsonSerdes {
    private JsonSerdes() {}

    public static JsonSerde<RawMention> raw() {
        return JsonSerde.of(RawMention.class);
    }

    public static JsonSerde<ScoredMention> scored() {
        return JsonSerde.of(ScoredMention.class);
    }

    public static JsonSerde<BrandStats> stats() {
        return JsonSerde.of(BrandStats.class);
    }

    public static JsonSerde<SpikeSignal> signal() {
        return JsonSerde.of(SpikeSignal.class);
    }

    public static JsonSerde<DeadLetter> deadLetter() {
        return JsonSerde.of(DeadLetter.class);
    }

    public static JsonSerde<WatchedBrand> watchedBrand() {
        return JsonSerde.of(WatchedBrand.class);
    }
}
