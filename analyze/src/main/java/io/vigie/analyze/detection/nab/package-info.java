/**
 * The Numenta Anomaly Benchmark in Java: {@link io.vigie.analyze.detection.nab.NabSweeper} reproduces NAB's scorer
 * ({@code nab/sweeper.py}: scaled-sigmoid window scoring, profile weights, probationary period, threshold sweep and
 * optimisation) to 1e-11 of the published per-series scores; {@link io.vigie.analyze.detection.nab.NabCorpus} reads
 * a NAB folder; {@link io.vigie.analyze.detection.nab.NabRun} streams Vigie's volume detector over it, each series
 * fed as {@link io.vigie.analyze.detection.nab.NabInput} says (its own step; counts as they are, other values mapped
 * onto a count scale);
 * {@link io.vigie.analyze.detection.nab.NabEvalCommand} is {@code vigie eval nab}.
 */
package io.vigie.analyze.detection.nab;
