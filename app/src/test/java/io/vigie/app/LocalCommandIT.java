package io.vigie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.runtime.local.Ports;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code vigie local} as an operator runs it: a real process, a ready line, SIGTERM, nothing left behind. */
class LocalCommandIT {

    @Test
    void localPrintsOneReadyLineAndStopsEveryChildOnSigterm() throws Exception {
        Path jar = Path.of("target/vigie.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the app is packaged before integration tests: " + jar);
        Path data = Path.of(System.getProperty("vigie.it.dataDir", "target/it-servers")).resolveSibling("it-local-command")
                .toAbsolutePath();
        int[] ports = Ports.free(5);
        Path stderr = data.resolveSibling("it-local-command.stderr.log");
        Files.createDirectories(data);
        // Only the alerting API port (it has no command-line option): no ingest section, so local mode must supply
        // the contact URL the ingest stage requires.
        Path config = Files.writeString(data.resolveSibling("it-local-command.yml"),
                "alerting:\n  api:\n    port: 0\n");
        Process vigie = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", jar.toString(), "io.vigie.app.Vigie", "local",
                "--data-dir", data.toString(), "--config", config.toString(),
                "--kafka-port", String.valueOf(ports[0]), "--controller-port", String.valueOf(ports[1]),
                "--es-port", String.valueOf(ports[2]), "--es-transport-port", String.valueOf(ports[3]),
                "--http-port", String.valueOf(ports[4]))
                .redirectError(stderr.toFile())
                .start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(vigie.getInputStream(), StandardCharsets.UTF_8));
            String ready = CompletableFuture.supplyAsync(() -> {
                try {
                    return stdout.readLine();
                } catch (java.io.IOException e) {
                    return null;
                }
            }).get(240, TimeUnit.SECONDS);
            assertNotNull(ready, "vigie local printed nothing; see " + stderr);
            assertTrue(ready.startsWith("ready "), ready);
            assertTrue(ready.contains(" kafka=127.0.0.1:" + ports[0] + " "), ready);
            assertTrue(ready.contains(" elasticsearch=http://127.0.0.1:" + ports[2] + " "), ready);
            assertTrue(ready.contains(" dashboard=http://127.0.0.1:" + ports[4] + "/ "), "the live page answers: " + ready);
            assertTrue(ready.matches(".* services=\\S*indexer\\S* .*"), "the stages' services run in the process: " + ready);
            // Ready means ready: the indexer installs its template and this month's index asynchronously, and the
            // ready line waits for it. Asked at once, with no retry.
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> template = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ports[2] + "/_index_template/vigie-mentions")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, template.statusCode(), "the mentions index template exists when ready is printed: "
                    + template.body());
            HttpResponse<String> alias = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ports[2] + "/_alias/vigie-mentions")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, alias.statusCode(), "the mentions alias exists when ready is printed: " + alias.body());

            List<ProcessHandle> children = new ArrayList<>(vigie.descendants().toList());
            List<String> commands = children.stream().map(h -> h.info().commandLine().orElse("?")).toList();
            assertTrue(commands.stream().anyMatch(c -> c.contains("-Dkafka.logs.dir=")), "a broker JVM runs: " + commands.size() + " children");
            assertTrue(commands.stream().anyMatch(c -> c.contains("org.elasticsearch.bootstrap.Elasticsearch")
                    || c.contains("org.elasticsearch.server")), "an Elasticsearch server JVM runs");
            assertTrue(children.size() >= 3, "broker, Elasticsearch CLI and server: " + children.size());

            vigie.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its stdout
            String rest = CompletableFuture.supplyAsync(() -> {
                StringBuilder more = new StringBuilder();
                try {
                    for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                        more.append(line).append('\n');
                    }
                } catch (java.io.IOException e) {
                    more.append("(stdout closed: ").append(e.getMessage()).append(')');
                }
                return more.toString();
            }).get(90, TimeUnit.SECONDS);
            assertEquals("", rest, "exactly one line on stdout");
            assertTrue(vigie.waitFor(90, TimeUnit.SECONDS), "vigie local exits after SIGTERM");
            assertEquals(0, vigie.exitValue(), "a requested stop is a clean exit; see " + stderr);
            for (ProcessHandle child : children) {
                assertFalse(child.isAlive(), "child " + child.pid() + " is gone: " + child.info().commandLine());
            }
        } finally {
            vigie.descendants().forEach(ProcessHandle::destroyForcibly);
            vigie.destroyForcibly();
        }
    }
}
