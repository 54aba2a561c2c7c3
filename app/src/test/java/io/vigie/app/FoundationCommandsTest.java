package io.vigie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FoundationCommandsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int vigie(String... args) {
        CommandLine cli = Vigie.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void localRefusesATakenKafkaPortInOneLineBeforeStartingAnything(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            int exit = vigie("local", "--data-dir", data.toString(), "--kafka-port", String.valueOf(port),
                    "--http-port", "0");
            assertEquals(1, exit);
            assertEquals("vigie: port " + port + " is taken: stop what uses it or pass --kafka-port",
                    err.toString().strip());
            assertEquals("", out.toString(), "no ready line");
            assertTrue(Files.notExists(data.resolve("kafka")), "nothing was started or written");
        }
    }

    @Test
    void localRefusesATakenDashboardPort(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertEquals(1, vigie("local", "--data-dir", data.toString(), "--http-port", String.valueOf(port)));
            assertEquals("vigie: port " + port + " is taken: stop what uses it or pass --http-port",
                    err.toString().strip());
        }
    }

    @Test
    void runNeedsAConfigFile() {
        assertEquals(2, vigie("run"));
        assertTrue(err.toString().contains("Missing required option: '--config=<vigie.yml>'"), err.toString());
    }

    @Test
    void runWithoutAKafkaSectionNamesTheMissingSection(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("vigie.yml"), "elasticsearch:\n  url: http://127.0.0.1:9\n");
        assertEquals(1, vigie("run", "--config", config.toString()));
        assertEquals("vigie: " + config + ": kafka: this section is required", err.toString().strip());
    }

    @Test
    void aBadConnectionValueNamesTheKeyAndTheLine(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("vigie.yml"),
                "kafka:\n  bootstrapServers: 127.0.0.1:9\nelasticsearch:\n  url: http://127.0.0.1:9\n  pasword: x\n");
        assertEquals(1, vigie("ingest", "--config", config.toString()));
        assertTrue(err.toString().startsWith("vigie: " + config + ":5: elasticsearch.pasword: "), err.toString());
    }

    @Test
    void anUnknownStageIsRefusedWithTheChoices(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("vigie.yml"), "kafka:\n  bootstrapServers: 127.0.0.1:9\n");
        assertEquals(1, vigie("run", "--config", config.toString(), "--only", "ingest,crawl"));
        assertEquals("vigie: unknown stage 'crawl': choose among alerting, analyze, dashboards, ingest",
                err.toString().strip());
    }

    @Test
    void everyStageHasACommandOfItsOwn() {
        CommandLine cli = Vigie.commandLine();
        for (var stage : Stages.all()) {
            assertTrue(cli.getSubcommands().containsKey(stage.name()), stage.name());
        }
        assertTrue(cli.getSubcommands().containsKey("local"));
        assertTrue(cli.getSubcommands().containsKey("run"));
    }
}
