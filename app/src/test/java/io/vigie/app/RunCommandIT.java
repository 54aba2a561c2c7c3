package io.vigie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.SharedLocalCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigie run} against running clusters (the shared test cluster stands in for production ones). */
class RunCommandIT {

    @Test
    void runConnectsWithTheConfiguredClustersRunsTheChosenStagesAndStopsOnRequest(@TempDir Path dir) throws Exception {
        LocalCluster cluster = SharedLocalCluster.get();
        Path config = Files.writeString(dir.resolve("vigie.yml"), """
                kafka:
                  bootstrapServers: %s
                  properties:
                    client.id: vigie-run-it
                elasticsearch:
                  url: %s
                ingest:
                  contactUrl: mailto:tests@localhost
                dashboards:
                  http:
                    host: 127.0.0.1
                    port: 0
                """.formatted(cluster.kafkaBootstrapServers(), cluster.elasticsearchUrl()));
        ShutdownSignal signal = new ShutdownSignal();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine run = new CommandLine(new RunCommand(() -> signal));
        run.setOut(new PrintWriter(out, true));
        run.setErr(new PrintWriter(err, true));
        run.setExecutionExceptionHandler(new OneLineErrors());
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run.execute("--config", config.toString(),
                "--only", "analyze,dashboards", "--state-dir", dir.resolve("state").toString(),
                "--instance-id", "it-1"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out.toString().startsWith("ready") && !exit.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String ready = out.toString().strip();
        assertTrue(ready.startsWith("ready stages=analyze,dashboards "), ready + err);
        assertTrue(ready.contains(" kafka=" + cluster.kafkaBootstrapServers() + " "), ready);
        assertTrue(ready.contains(" elasticsearch=" + cluster.elasticsearchUrl() + " "), ready);
        assertTrue(ready.contains(" instance=it-1 "), ready);

        signal.received("test");
        assertEquals(0, exit.get(60, TimeUnit.SECONDS), err.toString());
    }

    @Test
    void runReportsAnUnreachableKafkaInOneLine(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("vigie.yml"), """
                kafka:
                  bootstrapServers: 127.0.0.1:%d
                  properties:
                    default.api.timeout.ms: "3000"
                    request.timeout.ms: "1000"
                elasticsearch:
                  url: http://127.0.0.1:9
                ingest:
                  contactUrl: mailto:tests@localhost
                """.formatted(io.vigie.runtime.local.Ports.free(1)[0]));
        StringWriter err = new StringWriter();
        CommandLine run = new CommandLine(new RunCommand(ShutdownSignal::new));
        run.setErr(new PrintWriter(err, true));
        run.setExecutionExceptionHandler(new OneLineErrors());
        assertEquals(1, run.execute("--config", config.toString()));
        assertTrue(err.toString().startsWith("vigie: "), err.toString());
        assertTrue(err.toString().contains("127.0.0.1"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }
}
