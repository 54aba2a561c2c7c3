/**
 * The analyze topologies: {@code mentions.raw} and the {@code watchlist} in; {@code mentions.scored},
 * {@code brand.stats}, {@code signals} and {@code deadletter} out, exactly once. Two pure functions build them, for
 * production and for TopologyTestDriver tests alike: {@link io.vigie.analyze.streams.AnalyzeTopology#build} (scoring:
 * matching, sentiment, copies) and {@link io.vigie.analyze.streams.AnalyzeTopology#buildStats} (windows and series
 * signals, its own application so its transactions never hold up the scored output). The processors only wire the
 * plain classes of the other packages.
 */
package io.vigie.analyze.streams;
