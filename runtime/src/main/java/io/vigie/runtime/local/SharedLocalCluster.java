package io.vigie.runtime.local;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test harness: one {@link LocalCluster} per test JVM, shared by every integration test in it, on ports free at
 * start (several test runs share this machine), with data under the system property {@code vigie.it.dataDir}
 * (Failsafe sets {@code target/it-servers}), stopped when the JVM exits. It is the very code {@code vigie local}
 * runs.
 *
 * <p>Each test JVM starts from empty Kafka and Elasticsearch data, so a test never sees what an earlier run left;
 * the unpacked Elasticsearch distribution is kept, which saves the unpacking.
 */
public final class SharedLocalCluster {
    public static final String DATA_DIR_PROPERTY = "vigie.it.dataDir";
    private static final Logger log = LoggerFactory.getLogger(SharedLocalCluster.class);

    private static LocalCluster cluster;
    private static RuntimeException failure;

    private SharedLocalCluster() {}

    /**
     * The running cluster, started on first call. A start that fails is tried once more on new ports (another
     * process may have taken a port between the choice and the bind); a second failure is remembered and thrown to
     * every later caller at once, so the other test classes fail fast with the same cause.
     */
    public static synchronized LocalCluster get() {
        if (cluster != null) {
            return cluster;
        }
        if (failure != null) {
            throw new IllegalStateException("the shared local cluster failed to start earlier: " + failure.getMessage(),
                    failure);
        }
        String dir = System.getProperty(DATA_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property " + DATA_DIR_PROPERTY + " is not set: run integration"
                    + " tests through Failsafe (./mvnw -pl <module> -am verify), which sets it to target/it-servers");
        }
        Path dataDirectory = Path.of(dir).toAbsolutePath();
        for (int attempt = 1; ; attempt++) {
            try {
                DataDirectories.clearServerData(dataDirectory);
                // LocalCluster registers its own shutdown hook: JVM exit stops it.
                cluster = LocalCluster.start(LocalCluster.Settings.onFreePorts(dataDirectory));
                return cluster;
            } catch (RuntimeException e) {
                if (attempt == 2) {
                    failure = e;
                    throw e;
                }
                log.warn("shared local cluster start failed attempt={} reason={} action=retry on new ports", attempt,
                        e.getMessage());
            }
        }
    }
}
