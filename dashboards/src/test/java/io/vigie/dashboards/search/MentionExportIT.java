package io.vigie.dashboards.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.dashboards.search.bench.SyntheticMention;
import io.vigie.model.MentionKind;
import io.vigie.model.SentimentLabel;
import io.vigie.query.SearchQuery;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of a result set larger than one batch, read back by real CSV and XLSX parsers. */
class MentionExportIT {
    private static final int ROWS = 4_321;
    private static SearchFixture es;
    private static MentionExport export;

    @BeforeAll
    static void corpus() throws Exception {
        es = new SearchFixture();
        export = new MentionExport(es.client, es.alias);
        List<SyntheticMention> mentions = new ArrayList<>();
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < ROWS; i++) {
            // Every hazard of a CSV cell, and formulas a spreadsheet would run.
            String text = switch (i % 5) {
                case 0 -> "=HYPERLINK(\"http://evil.example\",\"clic\") kryptonite";
                case 1 -> "Kryptonite; cadenas, \"ouvert\"\nen deux lignes — été";
                case 2 -> "+33 6 00 kryptonite";
                case 3 -> "@kryptonite -1";
                default -> "-kryptonite plain";
            };
            mentions.add(new SyntheticMention("x" + i, "web", "site" + (i % 7) + ".fr", MentionKind.POST,
                    i % 3 == 0 ? "=cmd|' /C calc'!A0" : "auteur " + i, "Titre " + i, text, "fr",
                    List.of("kryptonite"), SentimentLabel.values()[i % 3], (long) i, null,
                    start.plus(Duration.ofMinutes(i))));
        }
        mentions.add(new SyntheticMention("other", "web", "x.fr", MentionKind.POST, "a", null, "sans rapport", "fr",
                List.of(), SentimentLabel.NEUTRAL, 1L, null, start));
        es.index(mentions);
    }

    private static byte[] run(ExportFormat format, ExportFormat.CsvOptions csv, AtomicLong total) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = export.export("analyst@test", SearchQuery.parse("kryptonite"), format, csv, out,
                new MentionExport.Progress() {
                    @Override
                    public void total(long rows) {
                        total.set(rows);
                    }

                    @Override
                    public void written(long rows) {}
                }, () -> false);
        assertEquals(ROWS, rows);
        return out.toByteArray();
    }

    @Test
    void aFrenchExcelCsvHasABomSemicolonsEveryRowOnceAndNoLiveFormula() throws Exception {
        AtomicLong total = new AtomicLong();
        byte[] bytes = run(ExportFormat.CSV, ExportFormat.CsvOptions.FRENCH_EXCEL, total);
        assertEquals(ROWS, total.get());
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        List<CSVRecord> records;
        try (Reader r = new InputStreamReader(new java.io.ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8)) {
            records = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                    .parse(r).getRecords();
        }
        assertEveryRowOnce(records.stream().map(rec -> rec.get("id")).toList());
        Map<String, CSVRecord> byId = new HashMap<>();
        records.forEach(rec -> byId.put(rec.get("id"), rec));
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"clic\") kryptonite", byId.get("x0").get("text"));
        assertEquals("Kryptonite; cadenas, \"ouvert\"\nen deux lignes — été", byId.get("x1").get("text"));
        assertEquals("'+33 6 00 kryptonite", byId.get("x2").get("text"));
        assertEquals("'@kryptonite -1", byId.get("x3").get("text"));
        assertEquals("'-kryptonite plain", byId.get("x4").get("text"));
        assertEquals("'=cmd|' /C calc'!A0", byId.get("x0").get("author"));
        assertEquals("4", byId.get("x4").get("views"));
        assertEquals("https://site4.fr/m/x4", byId.get("x4").get("url"));
        assertEquals("kryptonite", byId.get("x4").get("brands"));
        assertEquals("2026-11-01T00:04:00Z", byId.get("x4").get("date"));
        assertTrue(List.of("NEGATIVE", "NEUTRAL", "POSITIVE").contains(byId.get("x4").get("sentiment")));
        assertEquals(ExportRow.COLUMNS, records.get(0).getParser().getHeaderNames());
    }

    @Test
    void aPlainCsvIsRfc4180WithCommasAndNoBom() throws Exception {
        byte[] bytes = run(ExportFormat.CSV, ExportFormat.CsvOptions.RFC_4180, new AtomicLong());
        assertEquals('i', bytes[0]);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(String.join(",", ExportRow.COLUMNS) + "\r\n"), text.substring(0, 200));
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(text)).getRecords();
        assertEveryRowOnce(records.stream().map(rec -> rec.get("id")).toList());
    }

    @Test
    void anXlsxReadByPoiHasEveryRowOnceNumbersAsNumbersAndTextFormulasOnly() throws Exception {
        byte[] bytes = run(ExportFormat.XLSX, null, new AtomicLong());
        List<String> ids = new ArrayList<>();
        Map<String, Row> byId = new HashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheet("mentions");
            DataFormatter f = new DataFormatter();
            Row header = sheet.getRow(0);
            for (int i = 0; i < ExportRow.COLUMNS.size(); i++) {
                assertEquals(ExportRow.COLUMNS.get(i), header.getCell(i).getStringCellValue());
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String id = f.formatCellValue(row.getCell(0));
                ids.add(id);
                byId.put(id, row);
                for (var cell : row) {
                    assertTrue(cell.getCellType() != org.apache.poi.ss.usermodel.CellType.FORMULA, "no formula cell");
                }
            }
            assertEquals("'=HYPERLINK(\"http://evil.example\",\"clic\") kryptonite",
                    byId.get("x0").getCell(ExportRow.COLUMNS.indexOf("text")).getStringCellValue());
            assertEquals(42.0, byId.get("x42").getCell(ExportRow.COLUMNS.indexOf("views")).getNumericCellValue());
        }
        assertEveryRowOnce(ids);
    }

    @Test
    void ndjsonHasOneObjectPerRow() throws Exception {
        String text = new String(run(ExportFormat.NDJSON, null, new AtomicLong()), StandardCharsets.UTF_8);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> ids = new ArrayList<>();
        for (String line : text.split("\n")) {
            ids.add(json.readTree(line).get("id").asText());
        }
        assertEveryRowOnce(ids);
        assertEquals("Titre 7", json.readTree(text.lines().filter(l -> l.contains("\"x7\"")).findFirst().orElseThrow())
                .get("title").asText());
    }

    @Test
    void aCancelledExportStopsBetweenBatches() {
        AtomicLong written = new AtomicLong();
        assertThrows(CancellationException.class, () -> export.export("analyst@test", SearchQuery.parse("kryptonite"),
                ExportFormat.NDJSON, null, new ByteArrayOutputStream(), new MentionExport.Progress() {
                    @Override
                    public void total(long rows) {}

                    @Override
                    public void written(long rows) {
                        written.set(rows);
                    }
                }, () -> written.get() >= MentionExport.BATCH));
        assertEquals(MentionExport.BATCH, written.get());
    }

    @Test
    void aBackgroundJobReportsProgressAndLeavesTheFileToDownload(@TempDir Path dir) throws Exception {
        try (ExportJobs jobs = new ExportJobs(export, dir, Clock.systemUTC(), 1)) {
            ExportJobs.Job job = jobs.start("analyst@test", SearchQuery.parse("kryptonite"), ExportFormat.CSV,
                    ExportFormat.CsvOptions.RFC_4180);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (job.state() == ExportJobs.State.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(ExportJobs.State.DONE, job.state(), job.error());
            assertEquals(ROWS, job.rows());
            assertEquals(ROWS, job.total());
            assertEquals(ROWS + 1, CSVFormat.RFC4180.parse(Files.newBufferedReader(job.file())).getRecords().size());
            assertTrue(jobs.get(job.id(), "someone@else").isEmpty(), "another user cannot see the export");
            assertTrue(job.fileName().matches("vigie-export-\\d{8}-\\d{4}\\.csv"), job.fileName());
        }
    }

    private static void assertEveryRowOnce(List<String> ids) {
        assertEquals(ROWS, ids.size());
        assertEquals(ROWS, new java.util.HashSet<>(ids).size());
        for (int i = 0; i < ROWS; i++) {
            assertTrue(ids.contains("x" + i) || false, "x" + i);
        }
    }
}
