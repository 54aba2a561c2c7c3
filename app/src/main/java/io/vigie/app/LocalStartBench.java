package io.vigie.app;

import io.vigie.runtime.local.Ports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie bench local}: runs {@code vigie local} as a real child process twice on one fresh data directory
 * (cold start, then warm restart), and prints the time to the ready line, the stop time and each process's resident
 * memory after an idle period, with the machine's load beside them.
 */
@Command(name = "local", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Measure vigie local: cold start and warm restart to 'ready', stop time, idle memory per process.")
final class LocalStartBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "<dir>",
            description = "Fresh data directory to use (default: a new temporary one, deleted after).")
    Path dataDirectory;

    @Option(names = "--idle-seconds", defaultValue = "20", paramLabel = "<s>",
            description = "How long each run idles after 'ready' before memory is read.")
    int idleSeconds;

    @Option(names = "--config", paramLabel = "<vigie.yml>",
            description = "Configuration passed to vigie local (default: the minimum the stages require, no source).")
    Path config;

    @Option(names = "--vigie-heap", defaultValue = "1g", paramLabel = "<size>",
            description = "-Xmx of the vigie JVM, as the ./vigie script sets it.")
    String vigieHeap;

    record Run(String name, double readySeconds, double cpuSecondsToReady, double stopSeconds, Map<String, Long> rssKib,
            boolean orphans) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean temporary = dataDirectory == null;
        Path data = temporary ? Files.createTempDirectory("vigie-bench-local-") : dataDirectory.toAbsolutePath();
        if (!temporary && Files.exists(data.resolve("kafka"))) {
            throw new IllegalArgumentException(data + " already holds data: give a fresh --data-dir for a cold start");
        }
        Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        out.printf("vigie bench local: cores=%d load(1m,5m,15m)=%s dataDir=%s idle=%ds%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), data, idleSeconds);
        out.flush();
        List<Run> runs = new ArrayList<>();
        try {
            runs.add(measure("cold", data));
            runs.add(measure("warm", data));
        } finally {
            if (temporary) {
                deleteTree(data);
                Files.deleteIfExists(data.resolveSibling(data.getFileName() + ".yml"));
            }
        }
        for (Run run : runs) {
            long total = run.rssKib().values().stream().mapToLong(Long::longValue).sum();
            StringBuilder line = new StringBuilder();
            line.append(String.format("%s: ready=%.1fs cpuToReady=%.1fs stop=%.1fs orphans=%s idleRss:", run.name(),
                    run.readySeconds(), run.cpuSecondsToReady(), run.stopSeconds(), run.orphans() ? "YES" : "none"));
            run.rssKib().forEach((k, v) -> line.append(String.format(" %s=%dMiB", k, v / 1024)));
            line.append(String.format(" total=%dMiB", total / 1024));
            out.println(line);
        }
        Run cold = runs.get(0);
        long peak = runs.stream().mapToLong(r -> r.rssKib().values().stream().mapToLong(Long::longValue).sum()).max()
                .orElse(0);
        out.printf("goals: cold start < 60 s: %s (%.1fs); idle memory < 3 GiB: %s (%d MiB); load now=%s%n",
                cold.readySeconds() < 60 ? "met" : "NOT met", cold.readySeconds(),
                peak < 3L * 1024 * 1024 ? "met" : "NOT met", peak / 1024, loadAverage());
        out.flush();
        return 0;
    }

    private Run measure(String name, Path data) throws Exception {
        int[] ports = Ports.free(5);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + vigieHeap, "-cp", System.getProperty("java.class.path"), Vigie.class.getName(), "local",
                "--data-dir", data.toString(), "--config", config.toString(),
                "--kafka-port", String.valueOf(ports[0]), "--controller-port", String.valueOf(ports[1]),
                "--es-port", String.valueOf(ports[2]), "--es-transport-port", String.valueOf(ports[3]),
                "--http-port", String.valueOf(ports[4]));
        Path log = data.resolveSibling(data.getFileName() + "-" + name + ".log");
        Path config = config(data);
        long started = System.nanoTime();
        Process vigie = new ProcessBuilder(command).redirectError(log.toFile()).start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(vigie.getInputStream(), StandardCharsets.UTF_8));
            String ready = CompletableFuture.supplyAsync(() -> {
                try {
                    return stdout.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(300, TimeUnit.SECONDS);
            double readySeconds = (System.nanoTime() - started) / 1e9;
            if (ready == null || !ready.startsWith("ready")) {
                throw new IllegalStateException("vigie local did not get ready (" + ready + "); see " + log);
            }
            // CPU time is what the start costs whatever else runs on the machine; wall time depends on the load.
            double cpuSeconds = cpuSeconds(vigie.pid());
            for (ProcessHandle child : vigie.descendants().toList()) {
                cpuSeconds += cpuSeconds(child.pid());
            }
            Thread.sleep(idleSeconds * 1000L);
            Map<String, Long> rss = new LinkedHashMap<>();
            rss.put("vigie", rssKib(vigie.pid()));
            List<ProcessHandle> children = vigie.descendants().toList();
            for (ProcessHandle child : children) {
                rss.merge(role(child), rssKib(child.pid()), Long::sum);
            }
            long stopping = System.nanoTime();
            vigie.toHandle().destroy();
            if (!vigie.waitFor(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("vigie local did not stop within 120 s of SIGTERM");
            }
            double stopSeconds = (System.nanoTime() - stopping) / 1e9;
            boolean orphans = children.stream().anyMatch(ProcessHandle::isAlive);
            return new Run(name, readySeconds, cpuSeconds, stopSeconds, rss, orphans);
        } finally {
            vigie.descendants().forEach(ProcessHandle::destroyForcibly);
            vigie.destroyForcibly();
        }
    }

    /** The given --config, or one with only what the stages require (no source, so nothing is fetched). */
    private Path config(Path data) throws IOException {
        if (config != null) {
            return config.toAbsolutePath();
        }
        Path generated = data.resolveSibling(data.getFileName() + ".yml");
        Files.writeString(generated, "ingest:\n  contactUrl: mailto:vigie-bench@localhost\nalerting:\n  api:\n    port: 0\n");
        return generated;
    }

    private static String role(ProcessHandle p) {
        String cmd = p.info().commandLine().orElse("");
        if (cmd.contains("-Dkafka.logs.dir=")) {
            return "kafkaBroker";
        }
        if (cmd.contains("CliToolLauncher")) {
            return "esCli";
        }
        if (cmd.contains("org.elasticsearch")) {
            return "esServer";
        }
        return "other";
    }

    /** Resident set size from /proc/PID/status (VmRSS, in KiB); 0 if the process is gone. */
    private static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** User plus system CPU time of a process from /proc/PID/stat, assuming the usual 100 clock ticks a second. */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + "," + f[1] + "," + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
