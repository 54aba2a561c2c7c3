package io.vigie.dashboards.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.model.VigieJson;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes export rows one at a time to a stream; nothing but the current row (or SXSSF's window) is in memory. */
interface RowWriter extends Closeable {
    void write(ExportRow row) throws IOException;

    static RowWriter of(ExportFormat format, ExportFormat.CsvOptions csv, OutputStream out) throws IOException {
        return switch (format) {
            case CSV -> new Csv(out, csv);
            case XLSX -> new Xlsx(out);
            case NDJSON -> new Ndjson(out);
        };
    }

    /** RFC 4180 with commons-csv: CRLF, fields quoted when they hold the separator, a quote or a line break. */
    final class Csv implements RowWriter {
        private final CSVPrinter printer;

        Csv(OutputStream out, ExportFormat.CsvOptions options) throws IOException {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            if (options.byteOrderMark()) {
                writer.write('\uFEFF');
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(options.delimiter())
                    .setHeader(ExportRow.COLUMNS.toArray(String[]::new)).get();
            printer = new CSVPrinter(writer, format);
        }

        @Override
        public void write(ExportRow row) throws IOException {
            List<Object> cells = new ArrayList<>();
            for (Object c : row.cells()) {
                cells.add(c instanceof String s ? SpreadsheetCell.neutralised(s) : c);
            }
            printer.printRecord(cells);
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }

    /** XLSX with POI's streaming SXSSF: 100 rows in memory, older ones flushed to a temporary file. */
    final class Xlsx implements RowWriter {
        // Excel refuses a cell longer than this.
        private static final int MAX_CELL = 32_767;
        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        private final Sheet sheet;
        private int next;

        Xlsx(OutputStream out) {
            this.out = out;
            workbook.setCompressTempFiles(true);
            sheet = workbook.createSheet("mentions");
            Row header = sheet.createRow(next++);
            for (int i = 0; i < ExportRow.COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(ExportRow.COLUMNS.get(i));
            }
        }

        @Override
        public void write(ExportRow row) {
            Row r = sheet.createRow(next++);
            List<Object> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                Object v = cells.get(i);
                if (v == null) {
                    continue;
                }
                Cell cell = r.createCell(i);
                if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else {
                    String s = SpreadsheetCell.neutralised(v.toString());
                    cell.setCellValue(s.length() > MAX_CELL ? s.substring(0, MAX_CELL) : s);
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                workbook.write(out);
                out.flush();
            } finally {
                workbook.close();
            }
        }
    }

    /** One JSON object per line, the row's fields by column name; not neutralised (no spreadsheet reads it). */
    final class Ndjson implements RowWriter {
        private static final ObjectMapper JSON = VigieJson.newMapper();
        private final OutputStream out;

        Ndjson(OutputStream out) {
            this.out = new BufferedOutputStream(out, 64 * 1024);
        }

        @Override
        public void write(ExportRow row) throws IOException {
            Map<String, Object> object = new LinkedHashMap<>();
            List<Object> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                object.put(ExportRow.COLUMNS.get(i), cells.get(i));
            }
            out.write(JSON.writeValueAsBytes(object));
            out.write('\n');
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
