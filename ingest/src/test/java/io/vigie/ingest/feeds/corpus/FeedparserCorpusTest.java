package io.vigie.ingest.feeds.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.vigie.ingest.feeds.FeedDocument;
import io.vigie.ingest.feeds.FeedEntry;
import io.vigie.ingest.feeds.FeedReader;
import io.vigie.ingest.feeds.FeedText;
import io.vigie.ingest.feeds.FeedUnreadableException;
import io.vigie.runtime.testdata.TestData;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Serves every file of feedparser's corpus from a local HTTP server with its {@code Header:} lines, reads it
 * through Vigie's {@link FeedReader}, and evaluates its {@code Expect:} line on what Vigie read. Prints the pass
 * rate per folder, the failures and the cases judged not applicable with the reason.
 */
class FeedparserCorpusTest {

    private static final Pattern EXPECT = Pattern.compile("(?m)^\\s*Expect:\\s*(.*?)\\s*$");
    private static final Pattern HEADER = Pattern.compile("(?m)^\\s*Header:\\s*([^:]+):\\s*(.*?)\\s*$");

    record Case(Path file, String folder, String expect, Map<String, String> headers) {}

    enum Verdict { PASS, FAIL, NOT_APPLICABLE }

    record Outcome(Case c, Verdict verdict, String detail) {}

    /** The whole corpus, copied into the repository's testdata/ (testdata/feeds/README.md). */
    static Path corpus() {
        return TestData.set("feeds/feedparser-tests");
    }

    static List<Case> cases(Path dir) throws Exception {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                String head = headerComment(Files.readAllBytes(f));
                Matcher e = EXPECT.matcher(head);
                String expect = e.find() ? e.group(1) : null;
                Map<String, String> headers = new HashMap<>();
                Matcher h = HEADER.matcher(head);
                while (h.find()) {
                    headers.put(h.group(1).strip(), h.group(2));
                }
                Path rel = dir.relativize(f);
                String folder = rel.getNameCount() > 2 ? rel.getName(0) + "/" + rel.getName(1) : rel.getName(0).toString();
                out.add(new Case(f, folder, expect, headers));
            }
        }
        return out;
    }

    /** The leading comment, decoded whatever the file's encoding (the corpus has UTF-16 and UTF-32 files). */
    private static String headerComment(byte[] bytes) {
        String text = io.vigie.ingest.feeds.CharsetResolverAccess.decode(bytes);
        int end = text.indexOf("-->");
        return end < 0 ? text.substring(0, Math.min(text.length(), 2000)) : text.substring(0, end);
    }

    @Test
    void vigiesReaderPassesNinetyPercentOfTheApplicableCasesAndNeverCrashesOrLetsScriptThrough() throws Exception {
        Path dir = corpus();
        List<Case> cases = cases(dir);
        assertTrue(cases.size() > 2000, "expected the whole corpus, found " + cases.size() + " files");

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Map<String, Case> byPath = new HashMap<>();
        for (Case c : cases) {
            byPath.put("/" + dir.relativize(c.file()).toString().replace('\\', '/'), c);
        }
        server.createContext("/", exchange -> {
            Case c = byPath.get(exchange.getRequestURI().getPath());
            if (c == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(c.file());
            c.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        FeedReader reader = new FeedReader();
        List<Outcome> outcomes = new ArrayList<>();
        List<String> crashes = new ArrayList<>();
        List<String> unsafe = new ArrayList<>();
        int unreadable = 0;
        int sanitizeFiles = 0;
        try {
            for (Case c : cases) {
                String path = "/" + dir.relativize(c.file()).toString().replace('\\', '/');
                URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                FeedDocument doc = null;
                String unreadableReason = null;
                try {
                    // Content-Location names the document's own address: relative links resolve against it.
                    String base = response.headers().firstValue("Content-Location")
                            .map(l -> uri.resolve(l.strip()).toString()).orElse(uri.toString());
                    doc = reader.read(response.body(), response.headers().firstValue("Content-Type").orElse(null),
                            base);
                } catch (FeedUnreadableException e) {
                    unreadableReason = e.getMessage();
                    unreadable++;
                } catch (RuntimeException | StackOverflowError e) {
                    StackTraceElement at = java.util.Arrays.stream(e.getStackTrace())
                            .filter(f -> f.getClassName().startsWith("io.vigie")).findFirst().orElse(null);
                    crashes.add(path + ": " + e + " at " + at);
                    continue;
                }
                if (doc != null) {
                    String problem = executableContent(doc);
                    if (problem != null) {
                        unsafe.add(path + ": " + problem);
                    }
                }
                if (c.folder().equals("wellformed/sanitize")) {
                    sanitizeFiles++;
                }
                // The corpus was written for a test server at 127.0.0.1:8097; ours listens on a free port.
                String served = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
                Case local = c.expect() == null ? c
                        : new Case(c.file(), c.folder(), c.expect().replace("http://127.0.0.1:8097/", served), c.headers());
                outcomes.add(judge(local, doc, unreadableReason));
            }
        } finally {
            server.stop(0);
        }

        Map<String, int[]> table = new TreeMap<>();
        Map<String, Integer> notApplicableReasons = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Outcome o : outcomes) {
            int[] row = table.computeIfAbsent(o.c().folder(), k -> new int[3]);
            row[o.verdict().ordinal()]++;
            if (o.verdict() == Verdict.NOT_APPLICABLE) {
                notApplicableReasons.merge(o.detail(), 1, Integer::sum);
            } else if (o.verdict() == Verdict.FAIL) {
                failures.add(dir.relativize(o.c().file()) + "  " + o.c().expect() + "  -> " + o.detail());
            }
        }
        int pass = 0;
        int fail = 0;
        int na = 0;
        StringBuilder report = new StringBuilder("\nfeedparser corpus through Vigie's reader\n");
        report.append(String.format(Locale.ROOT, "%-28s %6s %6s %6s %8s%n", "folder", "pass", "fail", "n/a", "rate"));
        for (var row : table.entrySet()) {
            int[] r = row.getValue();
            pass += r[0];
            fail += r[1];
            na += r[2];
            report.append(String.format(Locale.ROOT, "%-28s %6d %6d %6d %7.1f%%%n", row.getKey(), r[0], r[1], r[2],
                    r[0] + r[1] == 0 ? 100.0 : 100.0 * r[0] / (r[0] + r[1])));
        }
        double rate = 100.0 * pass / Math.max(1, pass + fail);
        report.append(String.format(Locale.ROOT, "%-28s %6d %6d %6d %7.1f%%%n", "ALL", pass, fail, na, rate));
        report.append(String.format(Locale.ROOT, "files: %d, unreadable (clear error, counted in the table): %d, "
                + "crashes: %d, sanitize files checked for executable content: %d, unsafe: %d%n",
                cases.size(), unreadable, crashes.size(), sanitizeFiles, unsafe.size()));
        report.append("\nnot applicable, by reason:\n");
        notApplicableReasons.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> report.append(String.format(Locale.ROOT, "%5d  %s%n", e.getValue(), e.getKey())));
        report.append("\nfailures:\n");
        failures.forEach(f -> report.append("  ").append(f).append('\n'));
        System.out.println(report);
        Path out = Path.of(System.getProperty("vigie.repo.root"), "ingest", "target", "feedparser-corpus.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);

        assertEquals(List.of(), crashes, "files that crashed the reader");
        assertEquals(List.of(), unsafe, "safe HTML with executable content");
        assertTrue(rate >= 90.0, String.format(Locale.ROOT, "pass rate %.1f%% < 90%% (%d/%d)", rate, pass, pass + fail));
    }

    static Outcome judge(Case c, FeedDocument doc, String unreadableReason) {
        if (c.expect() == null) {
            return new Outcome(c, Verdict.NOT_APPLICABLE, "the file has no Expect: line");
        }
        PythonExpectation.Node node;
        try {
            node = PythonExpectation.parse(c.expect());
        } catch (PythonExpectation.NotApplicable e) {
            return new Outcome(c, Verdict.NOT_APPLICABLE, e.getMessage());
        }
        List<String> paths = new ArrayList<>();
        List<String> roots = new ArrayList<>();
        PythonExpectation.keyPaths(node, paths, roots);
        for (String root : roots) {
            if (!List.of("feed", "entries", "bozo", "encoding").contains(root)) {
                return new Outcome(c, Verdict.NOT_APPLICABLE, reasonForRoot(root));
            }
        }
        for (String path : paths) {
            if (!FeedparserView.APPLICABLE.contains(path)) {
                return new Outcome(c, Verdict.NOT_APPLICABLE, "reads " + path + ", which Vigie does not use");
            }
        }
        Map<String, Object> names = new HashMap<>();
        if (doc == null) {
            names.put("feed", Map.of());
            names.put("entries", List.of());
            names.put("bozo", Boolean.TRUE);
            names.put("encoding", "");
        } else {
            names.put("feed", FeedparserView.feed(doc));
            names.put("entries", FeedparserView.entries(doc));
            names.put("bozo", doc.recovered());
            names.put("encoding", doc.encoding());
        }
        try {
            Object value = PythonExpectation.evaluate(node, name -> {
                if (!names.containsKey(name)) {
                    throw new PythonExpectation.NotApplicable("reads " + name);
                }
                Object v = names.get(name);
                return v;
            });
            if (PythonExpectation.truthy(value)) {
                return new Outcome(c, Verdict.PASS, null);
            }
            return new Outcome(c, Verdict.FAIL, describe(doc, unreadableReason, paths));
        } catch (PythonExpectation.NotApplicable e) {
            return new Outcome(c, Verdict.NOT_APPLICABLE, e.getMessage());
        } catch (PythonExpectation.Missing e) {
            return new Outcome(c, Verdict.FAIL, e.getMessage() + "; " + describe(doc, unreadableReason, paths));
        }
    }


    private static String reasonForRoot(String root) {
        return switch (root) {
            case "version" -> "reads feedparser's format version string; Vigie records Rome's feed type instead";
            case "headers", "etag", "modified", "status", "href" -> "reads HTTP response metadata (" + root
                    + "); covered by Vigie's fetcher tests, not by the reader";
            case "bozo_exception", "feedparser" -> "reads feedparser's exception class (" + root + ")";
            case "namespaces" -> "reads the namespace map, which Vigie does not expose";
            default -> "reads " + root + ", which Vigie does not use";
        };
    }

    private static String describe(FeedDocument doc, String unreadableReason, List<String> paths) {
        if (doc == null) {
            return "unreadable: " + unreadableReason;
        }
        StringBuilder s = new StringBuilder("bozo=" + doc.recovered());
        if (doc.recoveryReason() != null) {
            s.append(" (").append(doc.recoveryReason()).append(')');
        }
        s.append(" encoding=").append(doc.encoding());
        Map<String, Object> feed = FeedparserView.feed(doc);
        List<Object> entries = FeedparserView.entries(doc);
        if (paths.stream().anyMatch(p -> p.startsWith("feed"))) {
            s.append(" feed=").append(feed);
        }
        if (paths.stream().anyMatch(p -> p.startsWith("entries"))) {
            s.append(" entries[0]=").append(entries.isEmpty() ? "none" : entries.get(0));
        }
        return s.toString().replace("\n", "\\n");
    }

    /** The first executable thing in any safe-HTML value of the document, or null. */
    static String executableContent(FeedDocument doc) {
        List<FeedText> texts = new ArrayList<>();
        texts.add(doc.title());
        for (FeedEntry e : doc.entries()) {
            texts.add(e.title());
            texts.add(e.summary());
            texts.addAll(e.contents());
        }
        for (FeedText t : texts) {
            if (t == null) {
                continue;
            }
            String problem = executableContent(t.safeHtml());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    static String executableContent(String html) {
        for (Element el : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            String tag = el.normalName();
            if (List.of("script", "iframe", "object", "embed", "applet", "style", "link", "meta", "base", "frame",
                    "frameset", "svg", "math").contains(tag)) {
                return "<" + tag + "> in " + html;
            }
            for (Attribute a : el.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                if (key.startsWith("on")) {
                    return "event handler " + key + " in " + html;
                }
                if (value.startsWith("javascript:") || value.startsWith("vbscript:") || value.startsWith("data:text")
                        || value.startsWith("livescript:")) {
                    return "script URL in " + key + " in " + html;
                }
                if (key.equals("style") && (value.contains("expression(") || value.contains("url(")
                        || value.contains("javascript") || value.contains("behavior") || value.contains("-moz-binding"))) {
                    return "executable style in " + html;
                }
            }
        }
        return null;
    }
}
