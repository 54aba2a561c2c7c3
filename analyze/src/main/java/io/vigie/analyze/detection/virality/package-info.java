/**
 * The Kryptonite-video signals: one item going viral, one text copied everywhere.
 *
 * <h2>Item virality</h2>
 * {@link io.vigie.analyze.detection.virality.EngagementGrowthDetector#observe} takes the source's state
 * ({@code SourceGrowth}, store key: source, e.g. the host or channel), the item's state ({@code ItemGrowth}, store
 * key: mention id) and an {@link io.vigie.analyze.detection.virality.EngagementPoll} (item id, source, time,
 * views/likes/comments; {@code EngagementPoll.of(id, source, at, mention.engagement())}). Every re-published
 * mention with engagement is a poll. Both states are plain objects with public fields: store them with
 * {@code VigieJson.newMapper()} (under 100 bytes each). Events are {@link ViralityEvent}s of kind ITEM_VIRALITY.
 *
 * <h2>Copy spread</h2>
 * {@link io.vigie.analyze.detection.virality.CopySpreadDetector#observe} takes the cluster's state
 * ({@code ClusterSpread}, store key: brand + cluster id, JSON under 1 KiB), the SimHash cluster id, the copy's
 * host and time. Call {@code tick(state, clusterId, now)} from a wall-clock punctuator over the store so quiet
 * clusters END. Events are {@link ViralityEvent}s of kind COPY_SPREAD.
 *
 * <p>Both throw {@link IllegalArgumentException} with a reason for bad input (no engagement, poll back in time,
 * blank host): dead-letter it, the states are unchanged. Turn events into signals with
 * {@link io.vigie.analyze.detection.signal.SpikeSignals#fromVirality}.
 */
package io.vigie.analyze.detection.virality;
