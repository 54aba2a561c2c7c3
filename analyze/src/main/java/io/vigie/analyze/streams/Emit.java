package io.vigie.analyze.streams;

import io.vigie.analyze.stats.BrandObservation;
import io.vigie.model.BrandStats;
import io.vigie.model.DeadLetter;
import io.vigie.model.ScoredMention;
import io.vigie.model.SpikeSignal;

/**
 * What a processor step hands on: exactly one of the fields is set. The topology routes each kind to its topic;
 * it never travels on a topic itself, so it has no serde.
 */
record Emit(
        MatchedMention matched,
        ScoredMention scored,
        BrandObservation observation,
        BrandStats stats,
        SpikeSignal signal,
        DeadLetter dead) {

    static Emit matched(MatchedMention m) {
        return new Emit(m, null, null, null, null, null);
    }

    static Emit scored(ScoredMention m) {
        return new Emit(null, m, null, null, null, null);
    }

    static Emit observation(BrandObservation o) {
        return new Emit(null, null, o, null, null, null);
    }

    static Emit stats(BrandStats s) {
        return new Emit(null, null, null, s, null, null);
    }

    static Emit signal(SpikeSignal s) {
        return new Emit(null, null, null, null, s, null);
    }

    static Emit dead(DeadLetter d) {
        return new Emit(null, null, null, null, null, d);
    }
}
