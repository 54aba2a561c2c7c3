package io.vigie.ingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.ingest.crawl.dates.CommentDateParser;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie eval dates}: the comment-date reader against labelled cases (text, reference, expected instant). */
@Command(name = "dates", mixinStandardHelpOptions = true,
        description = "Read every case of <DIR>/cases.jsonl with the crawler's date reader; print each miss and the"
                + " share read exactly.")
public final class EvalDatesCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "<DIR>", description = "Folder holding cases.jsonl.")
    Path data;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path file = Files.isDirectory(data) ? data.resolve("cases.jsonl") : data;
        ObjectMapper json = new ObjectMapper();
        CommentDateParser parser = new CommentDateParser();
        int total = 0;
        int exact = 0;
        int[] perLang = new int[4];
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = json.readTree(line);
            String lang = c.path("lang").asText(null);
            ZonedDateTime reference = OffsetDateTime.parse(c.path("reference").asText()).toZonedDateTime();
            Instant expected = OffsetDateTime.parse(c.path("expected").asText()).toInstant();
            Instant got = parser.parse(c.path("text").asText(), reference, lang);
            boolean ok = expected.equals(got);
            total++;
            exact += ok ? 1 : 0;
            int l = "fr".equals(lang) ? 2 : 0;
            perLang[l]++;
            perLang[l + 1] += ok ? 1 : 0;
            if (!ok) {
                out.printf("miss  %-45s lang=%s expected=%s got=%s%n", "\"" + c.path("text").asText() + "\"", lang,
                        expected, got);
            }
        }
        out.printf("dates: %d of %d exact (%.1f %%); en %d/%d, fr %d/%d%n", exact, total,
                total == 0 ? 0.0 : 100.0 * exact / total, perLang[1], perLang[0], perLang[3], perLang[2]);
        return 0;
    }
}
