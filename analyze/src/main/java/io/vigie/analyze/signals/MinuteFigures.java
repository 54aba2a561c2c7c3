package io.vigie.analyze.signals;

import java.util.List;

/**
 * One brand's figures over one minute (so far, for an open minute).
 *
 * @param drivers ids of the minute's most significant mentions; {@code negativeDrivers} the same among negatives
 */
public record MinuteFigures(long volume, long negative, long reach, List<String> drivers, List<String> negativeDrivers) {
    public static MinuteFigures empty() {
        return new MinuteFigures(0, 0, 0, List.of(), List.of());
    }
}
