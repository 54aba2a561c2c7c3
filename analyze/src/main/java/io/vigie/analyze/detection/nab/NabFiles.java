package io.vigie.analyze.detection.nab;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading and writing NAB's CSV files; every bad cell is an error naming the file, row and column. */
public final class NabFiles {
    /** NAB timestamps: {@code 2015-02-26 21:42:53}, windows add {@code .000000}. */
    public static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final CsvMapper CSV = new CsvMapper();

    private NabFiles() {}

    /** A CSV file with a header line, as rows of column name to text. */
    public static List<Map<String, String>> readCsv(Path file) {
        ObjectReader reader = CSV.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader());
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = reader.readValues(file.toFile())) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": not a readable CSV file with a header: " + e.getMessage(), e);
        }
        return rows;
    }

    public static LocalDateTime timestamp(String text, Path file, int row) {
        try {
            return LocalDateTime.parse(text.trim(), TIMESTAMP);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(file + " row " + row + ": timestamp '" + text
                    + "' is not 'yyyy-MM-dd HH:mm:ss'");
        }
    }

    public static double number(Map<String, String> row, String column, Path file, int index) {
        String text = row.get(column);
        if (text == null) {
            throw new IllegalArgumentException(file + " row " + index + ": no column '" + column + "'");
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " row " + index + ": " + column + " '" + text + "' is not a number");
        }
    }

    public static String format(LocalDateTime t) {
        return OUT.format(t);
    }

    /** Writes a NAB results file: {@code timestamp,value,anomaly_score,label}. */
    public static void writeResults(Path file, NabSeries series, double[] anomalyScores) {
        boolean[] inWindow = new boolean[series.size()];
        int w = 0;
        for (int i = 0; i < series.size(); i++) {
            LocalDateTime t = series.timestamps().get(i);
            while (w < series.windows().size() && series.windows().get(w).end().isBefore(t)) {
                w++;
            }
            inWindow[i] = w < series.windows().size() && !t.isBefore(series.windows().get(w).start());
        }
        StringBuilder out = new StringBuilder(series.size() * 40);
        out.append("timestamp,value,anomaly_score,label\n");
        for (int i = 0; i < series.size(); i++) {
            out.append(format(series.timestamps().get(i))).append(',')
                    .append(series.values()[i]).append(',')
                    .append(anomalyScores[i]).append(',')
                    .append(inWindow[i] ? 1 : 0).append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
