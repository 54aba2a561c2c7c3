package io.vigie.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SourcesTryCommandTest {
    @TempDir
    Path dir;

    @Test
    void tryOnAFilePrintsOneJsonLinePerMentionAndReportsRefusedEntries() throws Exception {
        Path feed = dir.resolve("feed.xml");
        Files.writeString(feed, """
                <rss version="2.0"><channel><title>Blog</title>
                <item><guid>https://blog.example/1</guid><title>Kryptonite</title><description>&lt;b&gt;Un stylo&lt;/b&gt; suffit</description></item>
                <item><guid>https://blog.example/2</guid><title>Suite</title></item>
                <item><title>sans identité</title></item>
                </channel></rss>""", StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SourcesCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("try", feed.toString());
        assertEquals(0, code, err.toString());
        String[] lines = out.toString().strip().split("\n");
        assertEquals(2, lines.length);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertEquals("https://blog.example/1", first.get("id").asText());
        assertEquals("Un stylo suffit", first.get("text").asText());
        assertEquals("<b>Un stylo</b> suffit", first.get("safeHtml").asText());
        assertTrue(err.toString().contains("refused entry: entry has no guid, id or link"), err.toString());
    }

    @Test
    void tryOnASitemapFileSaysItIsASitemapAndHowManyArticlesItLists() throws Exception {
        Path sitemap = dir.resolve("sitemap-news.xml");
        Files.writeString(sitemap, """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>https://news.example/a/1</loc><lastmod>2024-05-14</lastmod></url>
                  <url><loc>https://news.example/a/2</loc></url>
                </urlset>""", StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SourcesCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("try", sitemap.toString());
        assertEquals(0, code, err.toString());
        String[] lines = out.toString().strip().split("\n");
        assertEquals(2, lines.length, out.toString());
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertEquals("https://news.example/a/1", first.get("url").asText());
        assertEquals("2024-05-14T00:00:00Z", first.get("lastmod").asText());
        assertTrue(err.toString().contains("sitemap: a sitemap listing 2 articles"), err.toString());
    }

    @Test
    void tryOnAUrlWithoutContactUrlSaysWhatIsMissing() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SourcesCommand());
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int code = cli.execute("try", "https://blog.example/feed");
        assertTrue(code != 0);
        assertTrue(err.toString().contains("--contact-url"), err.toString());
    }
}
