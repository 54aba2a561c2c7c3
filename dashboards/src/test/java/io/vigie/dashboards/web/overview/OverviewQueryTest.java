package io.vigie.dashboards.web.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverviewQueryTest {
    private static final long HOUR = 3_600_000L;
    private static final long NOW = 1_780_000_000_000L;

    @Test
    void aBrandMentionedForTwoDaysHasOneDayOfHistoryBeforeTheLastTwentyFourHours() {
        assertEquals(24.0, OverviewQuery.historyHours((double) (NOW - 48 * HOUR), NOW), 1e-9);
    }

    @Test
    void historyStopsAtSevenDaysBeforeTheLastTwentyFourHours() {
        assertEquals(7 * 24.0, OverviewQuery.historyHours((double) (NOW - 30 * 24 * HOUR), NOW), 1e-9);
    }

    @Test
    void aBrandFirstMentionedTodayHasNoHistory() {
        assertEquals(0.0, OverviewQuery.historyHours((double) (NOW - 3 * HOUR), NOW));
        assertEquals(0.0, OverviewQuery.historyHours(null, NOW));
        assertEquals(0.0, OverviewQuery.historyHours(Double.NaN, NOW));
    }

    @Test
    void theUsualHourIsTheVolumeOverTheHistoryThereIsNotOverSevenDays() {
        // 240 mentions in the 24 h of history of a brand watched for two days: 10 an hour, not 240 / 168.
        OverviewQuery.Counts counts = new OverviewQuery.Counts(12, 250, 240, 24.0, 3, List.of());
        assertEquals(10.0, counts.expectedHour(), 1e-9);
        assertEquals(0.0, OverviewQuery.Counts.none().expectedHour());
    }
}
