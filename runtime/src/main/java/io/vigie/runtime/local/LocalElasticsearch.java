package io.vigie.runtime.local;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import io.vigie.runtime.connect.ElasticsearchConnection;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Elasticsearch, run as a child process from the integ-test zip Maven resolved, unpacked once
 * under {@code directory} and reused after. Security is off and it binds 127.0.0.1 only: it is a local server, not a
 * production one.
 *
 * <p>Elasticsearch refuses to run as root. When Vigie runs as root, the server runs under the system account
 * {@value #ACCOUNT}, created on first use, which then owns {@code directory}.
 *
 * <p>Its start script runs a small CLI JVM that forks the server JVM; both are stopped by pid on close (the server's
 * pid comes from the pid file it writes), so neither survives Vigie.
 *
 * <p>Layout under {@code directory}: {@code elasticsearch-<version>/} (the distribution and its {@code config/}),
 * {@code data/}, {@code logs/}, {@code tmp/}, {@code elasticsearch.pid} and {@code console.log}.
 */
public final class LocalElasticsearch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalElasticsearch.class);
    static final String ACCOUNT = "vigie-es";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private Settings settings;
    private ChildProcess server;

    /**
     * @param directory where the distribution, its data and logs live
     * @param heap the server JVM's -Xms and -Xmx, e.g. "512m"
     */
    public record Settings(Path directory, int httpPort, int transportPort, String heap) {
        public Settings {
            directory = directory.toAbsolutePath().normalize();
            if (httpPort == transportPort) {
                throw new LocalServerException("the Elasticsearch HTTP and transport ports are both " + httpPort
                        + ": pass a different --es-transport-port");
            }
        }

        public URI url() {
            return URI.create("http://127.0.0.1:" + httpPort);
        }

        Path home(String version) {
            return directory.resolve("elasticsearch-" + version);
        }

        Path pidFile() {
            return directory.resolve("elasticsearch.pid");
        }
    }

    public LocalElasticsearch(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public ElasticsearchConnection connection() {
        return ElasticsearchConnection.open(settings.url());
    }

    /**
     * elasticsearch.yml for one local node. The integ-test distribution holds only the transport, APM, x-pack-core
     * and security modules, so only settings those know are written (no analysis-common, painless or ML settings).
     */
    static Map<String, String> elasticsearchYml(Settings s) {
        Map<String, String> yml = new LinkedHashMap<>();
        yml.put("cluster.name", "vigie-local");
        yml.put("node.name", "vigie-local");
        yml.put("discovery.type", "single-node");
        yml.put("network.host", "127.0.0.1");
        yml.put("http.port", String.valueOf(s.httpPort()));
        yml.put("transport.port", String.valueOf(s.transportPort()));
        yml.put("path.data", s.directory().resolve("data").toString());
        yml.put("path.logs", s.directory().resolve("logs").toString());
        // Local only: no TLS, no users. Production clusters are reached through vigie run with their own security.
        yml.put("xpack.security.enabled", "false");
        // A nearly full laptop disk must not turn indices read-only under the user's feet.
        yml.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        yml.put("action.destructive_requires_name", "true");
        return yml;
    }

    static String render(Map<String, String> yml) {
        StringBuilder out = new StringBuilder("# Written by Vigie at each start of the local Elasticsearch; edits are overwritten.\n");
        yml.forEach((k, v) -> out.append(k).append(": \"").append(v.replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\"\n"));
        return out.toString();
    }

    /**
     * JVM options added to the distribution's: the GC log goes away (it would grow to 2 GB in 32 files) and
     * warnings go to the console log instead.
     */
    static String jvmOptions() {
        return String.join("\n",
                "# Written by Vigie.",
                "-Xlog:disable",
                "-Xlog:all=warning:stderr:utctime,level,tags",
                "-XX:-HeapDumpOnOutOfMemoryError",
                "");
    }

    /**
     * Checks what can be checked before any server starts: the ports are free and, when Vigie runs as root, the
     * unprivileged account can reach the data directory.
     */
    static void preflight(Settings settings) {
        Ports.requireFree(settings.httpPort(), "--es-port");
        Ports.requireFree(settings.transportPort(), "--es-transport-port");
        if (UnprivilegedAccount.currentUserIsRoot()) {
            Path closed = new UnprivilegedAccount(ACCOUNT).firstClosedParent(settings.directory());
            if (closed != null) {
                requireRelocatable(settings.directory());
                new UnprivilegedAccount(ACCOUNT).requireTraversable(RELOCATION_BASE.resolve("x"));
            }
        }
    }

    /**
     * Where the Elasticsearch directory goes when the account cannot reach the requested one (a data directory under
     * {@code /root}, mode 700, is the common case: a checkout in root's home): a directory of its own under
     * {@value #RELOCATION_BASE_NAME}, named after the requested path, with a symbolic link left at the requested
     * path so the layout and a second start stay the same.
     */
    static final String RELOCATION_BASE_NAME = "/var/lib/vigie";
    static final Path RELOCATION_BASE = Path.of(RELOCATION_BASE_NAME);

    static Path relocationOf(Path requested) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(requested.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return RELOCATION_BASE.resolve("elasticsearch-" + java.util.HexFormat.of().formatHex(digest, 0, 6));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireRelocatable(Path requested) {
        if (Files.isDirectory(requested, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !isEmptyDirectory(requested)) {
            throw new LocalServerException("Elasticsearch runs as the unprivileged account " + ACCOUNT
                    + ", which cannot reach " + requested + ", and that directory is not empty: pass a --data-dir"
                    + " it can reach (e.g. /var/lib/vigie) or move " + requested + " away");
        }
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Moves the Elasticsearch directory out of the account's reach problem, leaving a symbolic link behind. */
    private static Path relocate(Path requested) throws IOException {
        Path target = relocationOf(requested);
        Files.createDirectories(RELOCATION_BASE);
        Files.setPosixFilePermissions(RELOCATION_BASE, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(target);
        requireRelocatable(requested);
        if (!Files.isSymbolicLink(requested)) {
            Files.deleteIfExists(requested);
            Files.createDirectories(requested.getParent());
            Files.createSymbolicLink(requested, target);
        } else if (!Files.readSymbolicLink(requested).equals(target)) {
            Files.delete(requested);
            Files.createSymbolicLink(requested, target);
        }
        log.info("elasticsearch relocated requested={} dir={} link={} reason=account {} cannot enter a parent directory",
                requested, target, requested, ACCOUNT);
        return target;
    }

    /** Unpacks (first time), configures and starts the server; returns before it is ready. */
    public void start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        Ports.requireFree(settings.httpPort(), "--es-port");
        Ports.requireFree(settings.transportPort(), "--es-transport-port");
        String version = LocalServerArtifacts.elasticsearchVersion();
        Path home = settings.home(version);
        boolean root = UnprivilegedAccount.currentUserIsRoot();
        UnprivilegedAccount account = root ? new UnprivilegedAccount(ACCOUNT) : null;
        try {
            if (account != null && account.firstClosedParent(settings.directory()) != null) {
                Path relocated = relocate(settings.directory());
                settings = new Settings(relocated, settings.httpPort(), settings.transportPort(), settings.heap());
                home = settings.home(version);
            }
            Files.createDirectories(settings.directory());
            if (account != null) {
                account.requireTraversable(settings.directory());
            }
            unpackOnce(home);
            for (String dir : List.of("data", "logs", "tmp")) {
                Files.createDirectories(settings.directory().resolve(dir));
            }
            Files.writeString(home.resolve("config/elasticsearch.yml"), render(elasticsearchYml(settings)),
                    StandardCharsets.UTF_8);
            Files.createDirectories(home.resolve("config/jvm.options.d"));
            Files.writeString(home.resolve("config/jvm.options.d/vigie.options"), jvmOptions(), StandardCharsets.UTF_8);
            Files.deleteIfExists(settings.pidFile());
        } catch (IOException e) {
            throw new LocalServerException("cannot prepare Elasticsearch under " + settings.directory() + ": "
                    + e.getMessage(), e);
        }
        List<String> setprivOptions = List.of();
        if (account != null) {
            account.ensureExists();
            account.takeOwnership(settings.directory());
            setprivOptions = account.setprivOptions();
            log.info("elasticsearch runs as account={} reason=Elasticsearch refuses to run as root dir={}",
                    account.name(), settings.directory());
        }
        List<String> command = new ArrayList<>(ChildProcess.parentDeathPrefix(setprivOptions));
        command.add(home.resolve("bin/elasticsearch").toString());
        command.add("-p");
        command.add(settings.pidFile().toString());
        Map<String, String> env = new HashMap<>();
        env.put("ES_JAVA_HOME", JavaLauncher.javaHome().toString());
        env.put("ES_JAVA_OPTS", "-Xms" + settings.heap() + " -Xmx" + settings.heap());
        env.put("ES_PATH_CONF", home.resolve("config").toString());
        env.put("ES_TMPDIR", settings.directory().resolve("tmp").toString());
        env.put("HOME", settings.directory().toString());
        server = ChildProcess.start("elasticsearch", command, env, settings.directory().resolve("logs"),
                settings.directory().resolve("console.log"));
    }

    private void unpackOnce(Path home) throws IOException {
        if (Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            return;
        }
        Path zip = LocalServerArtifacts.elasticsearchZip();
        long started = System.nanoTime();
        Path staging = settings.directory().resolve(".unpacking");
        DataDirectories.deleteTree(staging);
        Files.createDirectories(staging);
        String topLevel = null;
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("zip entry outside the target directory: " + entry.getName());
                }
                String name = entry.getName();
                if (topLevel == null && name.contains("/")) {
                    topLevel = name.substring(0, name.indexOf('/'));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                // The JDK's zip API does not expose Unix modes; only the start scripts need the execute bit.
                if (name.contains("/bin/") && !name.endsWith(".bat") && !name.endsWith(".exe")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        if (topLevel == null) {
            throw new IOException(zip + " is empty");
        }
        DataDirectories.deleteTree(home);
        Files.move(staging.resolve(topLevel), home, StandardCopyOption.ATOMIC_MOVE);
        DataDirectories.deleteTree(staging);
        log.info("elasticsearch unpacked zip={} home={} unpackMs={}", zip, home, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Waits for cluster health yellow or green through the official client. Throws with the end of the console log
     * if the server dies or takes longer than 180 s.
     */
    public void awaitReady() {
        long started = System.nanoTime();
        long deadline = started + READY_TIMEOUT.toNanos();
        String lastProblem = "no answer yet";
        ElasticsearchClient client = connection().newClient();
        try {
            while (System.nanoTime() < deadline) {
                adoptServerPid();
                if (!server.isAlive()) {
                    throw new LocalServerException("Elasticsearch exited at start; see " + server.logFile() + " and "
                            + settings.directory().resolve("logs") + ": " + server.tail(8).replace('\n', ' '));
                }
                try {
                    HealthResponse health = client.cluster().health(h -> h
                            .waitForStatus(HealthStatus.Yellow)
                            .timeout(t -> t.time("2s")));
                    if (!health.timedOut() && health.status() != HealthStatus.Red) {
                        adoptServerPid();
                        log.info("elasticsearch ready url={} status={} pids={} readyMs={}", settings.url(),
                                health.status().jsonValue(), server.pids(), (System.nanoTime() - started) / 1_000_000);
                        return;
                    }
                    lastProblem = "cluster health " + health.status().jsonValue();
                } catch (Exception e) {
                    lastProblem = e.getMessage();
                    sleep(500);
                }
            }
        } finally {
            closeQuietly(client);
        }
        throw new LocalServerException("Elasticsearch was not ready after " + READY_TIMEOUT.toSeconds() + " s ("
                + lastProblem + "); see " + server.logFile());
    }

    private void adoptServerPid() {
        try {
            if (Files.isRegularFile(settings.pidFile())) {
                String text = Files.readString(settings.pidFile()).strip();
                if (!text.isEmpty()) {
                    server.adopt(Long.parseLong(text));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Written by the server as it starts; read again on the next round.
        }
    }

    private static void closeQuietly(ElasticsearchClient client) {
        try {
            client._transport().close();
        } catch (IOException e) {
            log.debug("elasticsearch client close failed reason={}", e.getMessage());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalServerException("interrupted while waiting for Elasticsearch", e);
        }
    }

    /** Pids of the CLI JVM and the server JVM; empty once stopped. */
    public List<Long> pids() {
        if (server == null) {
            return List.of();
        }
        adoptServerPid();
        return server.pids();
    }

    /** Stops the server and its CLI: SIGTERM, then SIGKILL after 30 s. */
    @Override
    public void close() {
        if (server != null) {
            adoptServerPid();
            server.stop(Duration.ofSeconds(30));
        }
    }
}
