package io.vigie.analyze.brands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.model.WatchedBrand;
import io.vigie.runtime.local.SharedLocalCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code vigie brands} against the real broker: what it writes is what the watchlist topic then holds. */
class BrandsCommandIT {

    private record Run(int exit, String out, String err) {}

    private static Run brands(String... args) {
        CommandLine cli = new CommandLine(new BrandsCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String bootstrap = SharedLocalCluster.get().kafkaBootstrapServers();
        String[] full = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--bootstrap-servers", bootstrap)).toArray(String[]::new);
        return new Run(cli.execute(full), out.toString(), err.toString());
    }

    @Test
    void brandsAreAddedEditedListedAndRemovedOnTheWatchlistTopic() {
        WatchlistClient client = new WatchlistClient(SharedLocalCluster.get().kafka());
        Run add = brands("add", "it-kryptonite", "-q", "kryptonite -superman", "--languages", "fr,en");
        assertEquals(0, add.exit(), add.err());
        WatchedBrand added = client.list().get("it-kryptonite");
        assertEquals("kryptonite -superman", added.query());
        assertEquals(List.of("fr", "en"), added.languages());

        assertEquals(2, brands("add", "it-kryptonite", "-q", "kryptonite").exit(), "an existing id is refused");

        Run broken = brands("edit", "it-kryptonite", "-q", "kryptonite NEAR/x lock");
        assertEquals(2, broken.exit());
        assertTrue(broken.err().contains("at position 16"), broken.err());
        assertEquals("kryptonite -superman", client.list().get("it-kryptonite").query(), "a broken query never lands");

        assertEquals(0, brands("edit", "it-kryptonite", "-q", "kryptonite NEAR/3 lock", "--paused").exit());
        WatchedBrand edited = client.list().get("it-kryptonite");
        assertEquals("kryptonite NEAR/3 lock", edited.query());
        assertTrue(edited.paused());
        assertEquals(List.of("fr", "en"), edited.languages(), "what is not edited is kept");

        Run list = brands("list");
        assertEquals(0, list.exit());
        assertTrue(list.out().contains("it-kryptonite") && list.out().contains("paused"), list.out());

        assertEquals(0, brands("rm", "it-kryptonite").exit());
        Map<String, WatchedBrand> after = client.list();
        assertFalse(after.containsKey("it-kryptonite"));
        assertEquals(2, brands("rm", "it-kryptonite").exit(), "removing an unknown brand is refused");
    }
}
