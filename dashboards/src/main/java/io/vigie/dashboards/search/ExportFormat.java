package io.vigie.dashboards.search;

import java.util.Locale;

/** The file formats of an export. */
public enum ExportFormat {
    CSV("csv", "text/csv; charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    NDJSON("ndjson", "application/x-ndjson");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public static ExportFormat named(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * How a CSV is written. French Excel opens a CSV as UTF-8 only with a byte-order mark, and splits columns on
     * {@code ;} (the decimal separator being {@code ,}).
     */
    public record CsvOptions(boolean byteOrderMark, char delimiter) {
        public static final CsvOptions RFC_4180 = new CsvOptions(false, ',');
        public static final CsvOptions FRENCH_EXCEL = new CsvOptions(true, ';');

        public CsvOptions {
            if (delimiter != ',' && delimiter != ';') {
                throw new IllegalArgumentException("a CSV export is separated by ',' or ';', not '" + delimiter + "'");
            }
        }
    }
}
