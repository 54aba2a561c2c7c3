/**
 * The analyze topology: {@code mentions.raw} and the {@code watchlist} in; {@code mentions.scored},
 * {@code brand.stats}, {@code signals} and {@code deadletter} out, exactly once. {@link
 * io.vigie.analyze.streams.AnalyzeTopology#build} is the one pure function that builds it, for production and for
 * TopologyTestDriver tests alike; the processors only wire the plain classes of the other packages.
 */
package io.vigie.analyze.streams;
