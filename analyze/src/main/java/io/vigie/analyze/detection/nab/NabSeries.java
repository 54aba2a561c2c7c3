package io.vigie.analyze.detection.nab;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One NAB data file with its labels.
 *
 * @param file the file name, e.g. {@code Twitter_volume_AAPL.csv}
 * @param labelCount how many anomalies are labelled in it ({@code labels.json}); labels that fall in one window make
 *     one window, and NAB's perfect score counts the windows
 */
public record NabSeries(String file, List<LocalDateTime> timestamps, double[] values, List<LabelledWindow> windows,
        int labelCount) {
    public NabSeries {
        timestamps = List.copyOf(timestamps);
        windows = List.copyOf(windows);
        if (timestamps.size() != values.length) {
            throw new IllegalArgumentException(file + ": " + timestamps.size() + " timestamps, " + values.length + " values");
        }
    }

    public int size() {
        return values.length;
    }
}
