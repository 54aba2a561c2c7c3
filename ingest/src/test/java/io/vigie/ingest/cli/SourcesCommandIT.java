package io.vigie.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.ingest.sources.SourceCatalog;
import io.vigie.model.IngestState;
import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.SharedLocalCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code vigie sources} reaches a running Vigie through {@code --bootstrap-servers} alone (what {@code vigie local}
 * prints in its ready line), as {@code vigie brands} does, with no configuration file.
 */
class SourcesCommandIT {
    private record Run(int exit, String out, String err) {}

    private static Run sources(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SourcesCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void sourcesAreAddedListedPausedAndRemovedWithOnlyTheBootstrapServers() {
        LocalCluster cluster = SharedLocalCluster.get();
        String kafka = cluster.kafkaBootstrapServers();
        String url = "http://127.0.0.1:9/cli-it/feed.xml";

        Run add = sources("add", "--bootstrap-servers", kafka, "--brand", "kryptonite", "--min-poll", "60",
                "Blog CLI IT", url);
        assertEquals(0, add.exit(), add.err());
        assertTrue(add.out().contains("added Blog CLI IT " + url), add.out());

        Run list = sources("list", "--bootstrap-servers", kafka);
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains("Blog CLI IT") && list.out().contains(url), list.out());

        Run pause = sources("pause", "--bootstrap-servers", kafka, "Blog CLI IT");
        assertEquals(0, pause.exit(), pause.err());
        IngestState.Source paused = SourceCatalog.find(new SourceCatalog(cluster.kafka()).read(), url).orElseThrow();
        assertTrue(paused.paused(), "paused in ingest.state");
        assertEquals(List.of("kryptonite"), paused.brands());
        assertEquals(60L, paused.minPollSeconds());

        Run rm = sources("rm", "--bootstrap-servers", kafka, url);
        assertEquals(0, rm.exit(), rm.err());
        assertTrue(SourceCatalog.find(new SourceCatalog(cluster.kafka()).read(), url).isEmpty(), "removed from ingest.state");
    }

    @Test
    void withNeitherBootstrapServersNorConfigTheCommandSaysWhatToGive() {
        Run list = sources("list");
        assertEquals(2, list.exit());
        assertTrue(list.err().contains("--bootstrap-servers") && list.err().contains("--config"), list.err());
    }
}
