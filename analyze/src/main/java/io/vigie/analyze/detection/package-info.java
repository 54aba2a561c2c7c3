/**
 * Spike and virality detection: plain Java, no Kafka. The streams topology keeps each detector's state in a
 * state store and calls the detectors; this package tree only decides.
 *
 * <ul>
 *   <li>{@link io.vigie.analyze.detection.series} — brand series (VOLUME, NEGATIVE_VOLUME, NEGATIVE_SHARE,
 *       REACH): {@code SeriesDetector.observe(state, time, value)}, state as bytes.</li>
 *   <li>{@link io.vigie.analyze.detection.virality} — ITEM_VIRALITY (engagement growth vs the source's usual)
 *       and COPY_SPREAD (near-duplicate copies across hosts).</li>
 *   <li>{@link io.vigie.analyze.detection.signal} — detector events to {@link io.vigie.model.SpikeSignal}.</li>
 *   <li>{@link io.vigie.analyze.detection.nab} — NAB scorer and {@code vigie eval nab}.</li>
 *   <li>{@link io.vigie.analyze.detection.bench} — {@code vigie bench detection}.</li>
 * </ul>
 */
package io.vigie.analyze.detection;
