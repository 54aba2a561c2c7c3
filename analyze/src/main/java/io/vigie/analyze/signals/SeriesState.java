package io.vigie.analyze.signals;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a detector remembers of one brand's series between minutes. Mutable; kept in a store. */
public final class SeriesState {
    /** Minutes learned from. */
    @JsonProperty public long n;
    @JsonProperty public double mean;
    @JsonProperty public double variance;
    /** Start of the last minute fed, or -1. */
    @JsonProperty public long lastMinuteMs = -1;
    /** Non-null while an episode is open. */
    @JsonProperty public String signalId;
    @JsonProperty public long sinceMs;
    @JsonProperty public int calmMinutes;
    @JsonProperty public double peak;

    public boolean active() {
        return signalId != null;
    }
}
