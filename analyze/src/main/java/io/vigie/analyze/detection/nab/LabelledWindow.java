package io.vigie.analyze.detection.nab;

import java.time.LocalDateTime;

/** One labelled anomaly window of a NAB series, both ends inclusive and equal to a row's timestamp. */
public record LabelledWindow(LocalDateTime start, LocalDateTime end) {
    public LabelledWindow {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("window ends before it starts: " + start + " .. " + end);
        }
    }
}
