package io.vigie.runtime.local;

import java.nio.file.Path;

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

    private static LocalCluster cluster;

    private SharedLocalCluster() {}

    /** The running cluster, started on first call. */
    public static synchronized LocalCluster get() {
        if (cluster == null) {
            String dir = System.getProperty(DATA_DIR_PROPERTY);
            if (dir == null || dir.isBlank()) {
                throw new IllegalStateException("system property " + DATA_DIR_PROPERTY + " is not set: run integration"
                        + " tests through Failsafe (./mvnw -pl <module> -am verify), which sets it to target/it-servers");
            }
            Path dataDirectory = Path.of(dir).toAbsolutePath();
            DataDirectories.clearServerData(dataDirectory);
            LocalCluster started = LocalCluster.start(LocalCluster.Settings.onFreePorts(dataDirectory));
            // LocalCluster registers its own shutdown hook; nothing else keeps it, so JVM exit stops it.
            cluster = started;
        }
        return cluster;
    }
}
