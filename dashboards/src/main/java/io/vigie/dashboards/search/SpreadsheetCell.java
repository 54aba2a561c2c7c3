package io.vigie.dashboards.search;

/**
 * Text cells made safe for spreadsheets. A cell starting with {@code =}, {@code +}, {@code -}, {@code @} (or a
 * tab or carriage return, which some spreadsheets skip before reading a formula) is run as a formula by Excel or
 * LibreOffice when the file is opened: a mention's title {@code =HYPERLINK("http://evil", "x")} would be a live link
 * in the analyst's sheet. Such a cell is prefixed with an apostrophe, OWASP's advice: shown as text, the content kept.
 */
final class SpreadsheetCell {
    private SpreadsheetCell() {}

    static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
