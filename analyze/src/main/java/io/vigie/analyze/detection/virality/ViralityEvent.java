package io.vigie.analyze.detection.virality;

import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import java.time.Instant;

/**
 * A lifecycle change of one item's virality or one text's copy spread; turned into a
 * {@link io.vigie.model.SpikeSignal} by {@link io.vigie.analyze.detection.signal.SpikeSignals}.
 *
 * @param kind {@link SignalKind#ITEM_VIRALITY} or {@link SignalKind#COPY_SPREAD}
 * @param subject the item id, or the near-duplicate cluster id
 * @param source the item's source (ITEM_VIRALITY); null for COPY_SPREAD
 * @param observed engagement gained per hour (ITEM_VIRALITY) or distinct hosts carrying a copy (COPY_SPREAD)
 * @param expected what the source's items usually gain per hour at that engagement, or the usual number of hosts
 * @param copies copies seen so far (COPY_SPREAD), else 0
 * @param engagement the item's engagement at {@code at} (ITEM_VIRALITY), else 0
 */
public record ViralityEvent(
        SignalKind kind,
        SignalPhase phase,
        String subject,
        String source,
        Instant since,
        Instant at,
        double observed,
        double expected,
        double anomalyScore,
        double pValue,
        long copies,
        long engagement) {}
