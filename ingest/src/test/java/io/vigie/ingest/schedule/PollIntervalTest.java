package io.vigie.ingest.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PollIntervalTest {
    @Test
    void aFeedWithNewItemsIsPolledAtItsMinimumAndAQuietOneLessWithinBounds() {
        assertEquals(300, PollInterval.afterSuccess(1200, 3, 300, 3600));
        assertEquals(300, PollInterval.afterSuccess(3600, 1, 300, 3600), "one new item after an hour of quiet");
        assertEquals(1800, PollInterval.afterSuccess(1200, 0, 300, 3600));
        assertEquals(300, PollInterval.afterSuccess(400, 5, 300, 3600));
        assertEquals(3600, PollInterval.afterSuccess(3000, 0, 300, 3600));
        assertEquals(450, PollInterval.afterSuccess(0, 0, 300, 3600), "a feed never polled starts from the lower bound");
    }

    @Test
    void errorsBackOffFromTheLowerBound() {
        assertEquals(600, PollInterval.afterError(1, 300, 3600));
        assertEquals(2400, PollInterval.afterError(3, 300, 3600));
        assertEquals(3600, PollInterval.afterError(30, 300, 3600));
    }

    @Test
    void aBrandUnderSignalShortensTheInterval() {
        assertEquals(60, PollInterval.underSignal(1800, 60));
        assertEquals(30, PollInterval.underSignal(30, 60));
    }
}
