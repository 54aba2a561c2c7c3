package io.vigie.analyze.detection.series;

import java.util.List;

/**
 * What the detector made of one observation.
 *
 * @param expected what the model expected, in the series' unit
 * @param z the residual in spreads, positive above the expected value
 * @param anomalyScore how unusual this point is, in [0, 1] (0 during warm-up)
 * @param onsetScore the anomaly score when this point raised its episode to a new peak, else 0: the alarm
 *     stream, one high value at a crisis' onset instead of one per interval while it lasts. An alarm starts at the
 *     first point whose onset score reaches the alert threshold; this is what NAB scores. It is 1 when, with no
 *     alarm open, the last hour held more mentions than any earlier hour (the busiest-window record), and 0 when
 *     the hour's mentions are under {@code materialShare} of that record (not enough to wake anyone).
 * @param events the lifecycle events this point caused, usually none
 */
public record Observation(long time, double observed, double expected, double z, double anomalyScore,
        double onsetScore, List<SeriesEvent> events) {}
