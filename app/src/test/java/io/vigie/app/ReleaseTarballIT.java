package io.vigie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release {@code ./mvnw package} builds (target/vigie-&lt;version&gt;.tar.gz), unpacked in a temporary folder
 * and run from another one, as an operator would: nothing from the source tree or the build's classpath is used.
 */
class ReleaseTarballIT {
    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Release check</title><link>https://example.org/</link>
            <description>two posts</description><language>en</language>
            <item><title>Kryptonite pens are great</title><link>https://example.org/1</link><guid>one</guid>
            <pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate><description>I love my new kryptonite pen.</description></item>
            <item><title>Kryptonite pens leak</title><link>https://example.org/2</link><guid>two</guid>
            <pubDate>Tue, 01 Dec 2026 11:00:00 GMT</pubDate><description>Mine leaked &lt;b&gt;everywhere&lt;/b&gt;.</description></item>
            </channel></rss>
            """;

    record Run(int exit, String out, String err) {}

    private static Path tarball() throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        try (Stream<Path> files = Files.list(target)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().matches("vigie-.+\\.tar\\.gz")).toList();
            assertEquals(1, found.size(), "one release tarball in " + target + " (built by ./mvnw package): " + found);
            return found.get(0);
        }
    }

    private static Run run(Path workingDirectory, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("VIGIE_JAVA_OPTS");
        env.remove("CLASSPATH");
        Path out = Files.createTempFile(workingDirectory, "out", ".txt");
        Path err = Files.createTempFile(workingDirectory, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void unpackedReleaseRunsFromAnyFolderAndReadsALocalFeed(@TempDir Path tmp) throws Exception {
        Path install = Files.createDirectories(tmp.resolve("opt"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Run untar = run(install, List.of("tar", "-xzf", tarball().toString()));
        assertEquals(0, untar.exit(), untar.err());

        Properties build = VersionProvider.buildProperties();
        String version = build.getProperty("git.build.version");
        Path home = install.resolve("vigie-" + version);
        assertTrue(Files.isExecutable(home.resolve("bin/vigie")), "bin/vigie is executable in " + home);
        for (String file : List.of("NOTICE", "README.md", "vigie.example.yml", "licenses/THIRD-PARTY.txt",
                "systemd/vigie.service")) {
            assertTrue(Files.isRegularFile(home.resolve(file)), file + " is in the release");
        }
        String thirdParty = Files.readString(home.resolve("licenses/THIRD-PARTY.txt"));
        List<String> jars;
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            jars = lib.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(jars.contains("vigie-app-" + version + ".jar"), "the app's own jar is in lib/: " + jars);
        assertFalse(jars.stream().anyMatch(j -> j.contains("-models")), "CoreNLP's models stay out: " + jars);
        List<String> unlisted = new ArrayList<>();
        for (String jar : jars) {
            if (jar.startsWith("vigie-")) {
                continue;
            }
            String artifact = jar.replaceFirst("-\\d[^-]*(-[A-Za-z0-9.]+)*\\.jar$", "");
            if (!thirdParty.contains(":" + artifact + ":")) {
                unlisted.add(jar);
            }
        }
        assertEquals(List.of(), unlisted, "every bundled jar has its licence in THIRD-PARTY.txt");

        Run versionRun = run(elsewhere, List.of(home.resolve("bin/vigie").toString(), "--version"));
        assertEquals(0, versionRun.exit(), versionRun.err());
        List<String> lines = versionRun.out().lines().toList();
        assertEquals("vigie " + version, lines.get(0));
        String commit = build.getProperty("git.commit.id.full");
        assertTrue(commit != null && commit.matches("[0-9a-f]{40}"), "the build recorded the commit: " + build);
        assertTrue(lines.get(1).startsWith("commit " + commit), versionRun.out());

        Path feed = elsewhere.resolve("feed.xml");
        Files.writeString(feed, FEED, StandardCharsets.UTF_8);
        Run tried = run(elsewhere, List.of(home.resolve("bin/vigie").toString(), "sources", "try", "feed.xml"));
        assertEquals(0, tried.exit(), tried.err());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> mentions = new ArrayList<>();
        for (String line : tried.out().lines().filter(l -> !l.isBlank()).toList()) {
            mentions.add(json.readTree(line));
        }
        assertEquals(2, mentions.size(), tried.out() + tried.err());
        assertEquals("Kryptonite pens are great", mentions.get(0).get("title").asText());
        assertEquals("https://example.org/2", mentions.get(1).get("url").asText());
        assertTrue(mentions.get(1).get("text").asText().contains("everywhere"), mentions.get(1).toString());
        assertTrue(tried.err().contains("2 mentions"), tried.err());
    }
}
