package io.vigie.ingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.ingest.crawl.PageComment;
import io.vigie.ingest.crawl.PageExtraction;
import io.vigie.ingest.crawl.PageExtractor;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie eval crawl}: the page extractor (no site rule: schema.org and the generic reader) on a folder of saved
 * pages described by a {@code manifest.jsonl} (expected comment count, text snippets and authors of some comments).
 */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = "Extract the comments of every page of <DIR>/manifest.jsonl and compare with its ground truth:"
                + " comments found against expected, snippets each in its own comment, authors, dates read.")
public final class EvalCrawlCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "<DIR>", description = "Folder with manifest.jsonl and the pages.")
    Path data;

    /** Per-page figures, also used by the test on the pages kept in the repository. */
    public record PageScore(String file, String method, int found, Integer expected, int minExpected, int snippets,
                            int snippetsFound, int authors, int authorsRight, long datesRead) {
        public boolean countInRange() {
            if (expected == null) {
                return found >= minExpected;
            }
            return expected == 0 ? found == 0 : found >= 0.9 * expected && found <= 1.2 * expected;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<PageScore> scores = score(data);
        int snippets = 0;
        int snippetsFound = 0;
        int authors = 0;
        int authorsRight = 0;
        long found = 0;
        long expected = 0;
        long dated = 0;
        int inRange = 0;
        int invented = 0;
        out.printf("%-42s %-11s %5s %8s %8s %7s %6s%n", "page", "method", "found", "expected", "snippets", "authors",
                "dates");
        for (PageScore s : scores) {
            out.printf("%-42s %-11s %5d %8s %5d/%-2d %5d/%-2d %3d/%-3d%s%n", s.file(), s.method(), s.found(),
                    s.expected() == null ? ">=" + s.minExpected() : String.valueOf(s.expected()), s.snippetsFound(),
                    s.snippets(), s.authorsRight(), s.authors(), s.datesRead(), s.found(), s.countInRange() ? "" : "  (count out of range)");
            snippets += s.snippets();
            snippetsFound += s.snippetsFound();
            authors += s.authors();
            authorsRight += s.authorsRight();
            found += s.found();
            expected += s.expected() == null ? s.minExpected() : s.expected();
            dated += s.datesRead();
            inRange += s.countInRange() ? 1 : 0;
            invented += s.expected() != null && s.expected() == 0 && s.found() > 0 ? 1 : 0;
        }
        out.printf("total: pages %d, count in 0.9-1.2x %d/%d, comments %d found / %d expected (%.2fx), snippets %d/%d"
                        + " (%.1f %%), authors %d/%d (%.1f %%), dates read %d/%d (%.1f %%), pages with none where"
                        + " comments were invented: %d%n", scores.size(), inRange, scores.size(), found, expected,
                expected == 0 ? 0.0 : (double) found / expected, snippetsFound, snippets, pct(snippetsFound, snippets),
                authorsRight, authors, pct(authorsRight, authors), dated, found, pct(dated, found), invented);
        return 0;
    }

    private static double pct(long a, long b) {
        return b == 0 ? 100.0 : 100.0 * a / b;
    }

    public static List<PageScore> score(Path dir) throws java.io.IOException {
        ObjectMapper json = new ObjectMapper();
        PageExtractor extractor = new PageExtractor();
        List<PageScore> out = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("manifest.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode page = json.readTree(line);
            String file = page.path("file").asText();
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path)) {
                continue; // a manifest shared with pages kept elsewhere
            }
            PageExtraction x = extractor.extract(Files.readAllBytes(path), null, "https://saved.example/" + file, null,
                    Instant.parse("2024-01-01T00:00:00Z"));
            Set<Integer> used = new HashSet<>();
            int snippets = 0;
            int snippetsFound = 0;
            int authors = 0;
            int authorsRight = 0;
            for (JsonNode sample : page.path("sample_comments")) {
                snippets++;
                String snippet = squash(sample.path("text_snippet").asText());
                String author = sample.path("author").isNull() ? null : sample.path("author").asText();
                if (author != null) {
                    authors++;
                }
                for (int i = 0; i < x.comments().size(); i++) {
                    PageComment c = x.comments().get(i);
                    if (!used.contains(i) && squash(c.text()).contains(snippet)) {
                        used.add(i);
                        snippetsFound++;
                        if (author != null && c.author() != null
                                && squash(c.author()).toLowerCase(Locale.ROOT).equals(squash(author).toLowerCase(Locale.ROOT))) {
                            authorsRight++;
                        }
                        break;
                    }
                }
            }
            Integer expected = page.path("expected_comments").isNull() ? null : page.path("expected_comments").asInt();
            out.add(new PageScore(file, x.method(), x.comments().size(), expected,
                    page.path("expected_min_comments").asInt(), snippets, snippetsFound, authors, authorsRight,
                    x.datesRead()));
        }
        return out;
    }

    /** Whitespace runs, non-breaking spaces included, as one space (how the manifest compares snippets). */
    static String squash(String s) {
        return s.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
