/**
 * Runs the detection part's detectors on a brand's 1-minute series (volume, negative volume, negative share, reach)
 * and turns their events into {@link io.vigie.model.SpikeSignal}s carrying the ids of the mentions that drove them.
 * Adds one thing the detectors do not do themselves: judging a minute still open, whose counts only grow, so a
 * spike can START seconds after it begins rather than when its minute closes.
 */
package io.vigie.analyze.signals;
