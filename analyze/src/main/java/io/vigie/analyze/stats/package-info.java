/**
 * Per-brand figures over tumbling windows (1 minute, 1 hour): volume, sentiment counts and mean, reach, top
 * sources and top terms, as {@link io.vigie.model.BrandStats}. Plain Java; the topology keeps the open windows in a
 * store, emits them while open at a bounded interval and once more, final, when they close.
 */
package io.vigie.analyze.stats;
