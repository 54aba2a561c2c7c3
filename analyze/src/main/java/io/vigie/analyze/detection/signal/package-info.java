/**
 * Detector events to {@link io.vigie.model.SpikeSignal}s for the {@code signals} topic:
 * {@link io.vigie.analyze.detection.signal.SpikeSignals#fromSeries} (brand series) and
 * {@link io.vigie.analyze.detection.signal.SpikeSignals#fromVirality} (items, copies), given the brand, the kind
 * and the ids of the mentions that drove it. The signal id is a name-based UUID of brand, kind, subject and the
 * episode's start, so START, UPDATEs and END of one episode share it; the explanation is one English sentence with
 * observed vs expected, the ratio, the p-value and since when. Only START should wake someone
 * ({@code wakesSomeone}).
 */
package io.vigie.analyze.detection.signal;
