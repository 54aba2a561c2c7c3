package io.vigie.alerting;

import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.VigieService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * One alerting instance in its own JVM, for the takeover test: args are bootstrap servers, the YAML file and the
 * group prefix. Prints "OWNED p1,p2,…" whenever the signals partitions it owns change. Runs until killed.
 */
public final class AlertingChildProcess {
    public static void main(String[] args) throws Exception {
        KafkaConnection kafka = KafkaConnection.plaintext(args[0]);
        AlertingConfig config = Fixtures.config(Files.readString(Path.of(args[1])));
        Alerting alerting = Alerting.build(config, kafka, Clock.systemUTC(), args[2], Duration.ofMillis(200));
        for (VigieService s : alerting.services()) {
            s.start();
        }
        Set<Integer> last = null;
        while (true) {
            Set<Integer> owned = new TreeSet<>(alerting.signals().ownedPartitions());
            if (!owned.equals(last) && alerting.signals().awaitReady(Duration.ZERO)) {
                System.out.println("OWNED " + String.join(",", owned.stream().map(String::valueOf).toList()));
                System.out.flush();
                last = owned;
            }
            Thread.sleep(100);
        }
    }
}
