package io.vigie.dashboards.index;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * Names of the monthly mention indices and of the alias that searches them all. A mention goes to the index of
 * its event time's month in UTC, so a month can be dropped or archived whole, and a re-delivered mention lands on
 * the same document.
 *
 * @param alias the alias searched by dashboards and analysts, e.g. {@code vigie-mentions}; monthly indices are
 *     {@code <alias>-YYYY.MM}
 */
public record MonthlyIndices(String alias) {
    // Elasticsearch's own rules for index names, narrowed to what a prefix followed by "-YYYY.MM" needs.
    private static final Pattern VALID_ALIAS = Pattern.compile("[a-z0-9][a-z0-9._-]{0,200}");

    public MonthlyIndices {
        if (alias == null || !VALID_ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("index prefix must be lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit, got " + (alias == null ? "nothing" : "'" + alias + "'"));
        }
    }

    /** The index of the month of {@code eventTime} (UTC), e.g. {@code vigie-mentions-2026.11}. */
    public String indexFor(Instant eventTime) {
        return indexFor(YearMonth.from(eventTime.atOffset(ZoneOffset.UTC)));
    }

    public String indexFor(YearMonth month) {
        if (month.getYear() < 1 || month.getYear() > 9999) {
            throw new IllegalArgumentException("event time year " + month.getYear() + " is outside 1..9999");
        }
        return String.format("%s-%04d.%02d", alias, month.getYear(), month.getMonthValue());
    }

    /** The pattern the index template applies to. */
    public String pattern() {
        return alias + "-*";
    }

    /** The name of the index template; the same as the alias, so an operator finds one from the other. */
    public String templateName() {
        return alias;
    }
}
