/**
 * Spike signals on a brand's 1-minute series (volume, negative volume, negative share, reach): the START, UPDATE
 * and END of each episode, with an explanation and the ids of the mentions that drove it. The detector state is a
 * plain serialisable value kept in a store by the topology.
 */
package io.vigie.analyze.signals;
