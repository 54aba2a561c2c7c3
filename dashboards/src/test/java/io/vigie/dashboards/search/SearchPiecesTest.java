package io.vigie.dashboards.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchPiecesTest {

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaIsShownAsText() {
        assertEquals("'=SUM(A1:A9)", SpreadsheetCell.neutralised("=SUM(A1:A9)"));
        assertEquals("'+33 6", SpreadsheetCell.neutralised("+33 6"));
        assertEquals("'-2", SpreadsheetCell.neutralised("-2"));
        assertEquals("'@cmd", SpreadsheetCell.neutralised("@cmd"));
        assertEquals("'\tx", SpreadsheetCell.neutralised("\tx"));
        assertEquals("a = b", SpreadsheetCell.neutralised("a = b"));
        assertEquals("", SpreadsheetCell.neutralised(""));
        assertEquals(null, SpreadsheetCell.neutralised(null));
    }

    @Test
    void aCursorSurvivesItsTokenWithTheSortValuesTypesKept() {
        SearchCursor c = new SearchCursor("pit==/+", "bic lang:fr", SearchSort.REACH, 20,
                Arrays.asList(1500L, 1764547200000L, null, 3.25, "x", 12L), 7);
        SearchCursor back = SearchCursor.decode(c.encode());
        assertEquals(c.encode(), back.encode());
        assertEquals(c.pitId(), back.pitId());
        assertEquals(7, back.page());
        List<FieldValue> after = back.searchAfter();
        assertEquals(1500L, after.get(0).longValue());
        assertEquals(1764547200000L, after.get(1).longValue());
        assertEquals(true, after.get(2).isNull());
        assertEquals(3.25, after.get(3).doubleValue());
        assertEquals("x", after.get(4).stringValue());
        assertThrows(IllegalArgumentException.class, () -> SearchCursor.decode("not a token"));
    }

    @Test
    void theHistogramStepKeepsAboutAHundredBarsAtMost() {
        assertEquals(CalendarInterval.Hour, AnalystSearch.intervalFor(Duration.ZERO));
        assertEquals(CalendarInterval.Hour, AnalystSearch.intervalFor(Duration.ofDays(3)));
        assertEquals(CalendarInterval.Day, AnalystSearch.intervalFor(Duration.ofDays(31)));
        assertEquals(CalendarInterval.Week, AnalystSearch.intervalFor(Duration.ofDays(365)));
        assertEquals(CalendarInterval.Month, AnalystSearch.intervalFor(Duration.ofDays(3000)));
    }

    @Test
    void csvOptionsTakeOnlyCommaOrSemicolon() {
        assertThrows(IllegalArgumentException.class, () -> new ExportFormat.CsvOptions(false, '\t'));
        assertEquals(ExportFormat.CSV, ExportFormat.named(" csv "));
        assertEquals(SearchSort.DATE, SearchSort.named(""));
        assertEquals(SearchSort.REACH, SearchSort.named("reach"));
    }
}
