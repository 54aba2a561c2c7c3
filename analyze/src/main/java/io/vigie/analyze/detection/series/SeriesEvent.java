package io.vigie.analyze.detection.series;

import io.vigie.model.Direction;
import io.vigie.model.SignalPhase;
import java.time.Instant;

/**
 * A change in the alarm state of one series: START when an episode reaches the alert threshold, UPDATE when its
 * score moved by {@code updateStep}, END once it has stayed quiet long enough. Turned into a
 * {@link io.vigie.model.SpikeSignal} by {@link io.vigie.analyze.detection.signal.SpikeSignals}.
 *
 * @param episode the series' episode number; with {@code since} it identifies the episode
 * @param since when the episode opened (the score first rose to the watch level), before or at the START
 * @param observed the value at {@code at} (for END: the value that closed it)
 * @param expected what the model expected at {@code at}
 * @param anomalyScore the score at {@code at}, in [0, 1]; 1 for a START raised by the busiest-window record
 * @param peakScore the episode's highest score so far
 * @param pValue the probability of a value at least this far from the expected one under the learned model
 * @param busiestWindow true when this START was raised because the last window (an hour) held more mentions than
 *     any earlier one, rather than by the z-score
 * @param windowSum with {@code busiestWindow}: the mentions in that window, else NaN
 * @param previousBusiest with {@code busiestWindow}: the mentions of the busiest earlier window (the record beaten,
 *     forgetting slowly), else NaN
 */
public record SeriesEvent(
        SignalPhase phase,
        Direction direction,
        long episode,
        Instant since,
        Instant at,
        double observed,
        double expected,
        double anomalyScore,
        double peakScore,
        double pValue,
        boolean busiestWindow,
        double windowSum,
        double previousBusiest) {

    /** An event raised by the z-score alone. */
    public SeriesEvent(SignalPhase phase, Direction direction, long episode, Instant since, Instant at, double observed,
            double expected, double anomalyScore, double peakScore, double pValue) {
        this(phase, direction, episode, since, at, observed, expected, anomalyScore, peakScore, pValue, false,
                Double.NaN, Double.NaN);
    }
}
