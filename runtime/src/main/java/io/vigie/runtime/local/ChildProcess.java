package io.vigie.runtime.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server running as a child process, stopped by pid: SIGTERM to it and every descendant (and any pid it reported
 * itself, such as Elasticsearch's server JVM), a grace period, then SIGKILL to what is left.
 *
 * <p>Children are spawned under {@code setpriv --pdeathsig TERM} where setpriv exists (Linux util-linux), so the
 * kernel sends them SIGTERM if the Vigie JVM dies without running its shutdown hooks (kill -9, crash). The kernel
 * ties that signal to the <em>thread</em> that forked the child, so every child is forked from one long-lived
 * daemon thread, never from a pool thread that could end before the child.
 *
 * <p>Children also get a session of their own ({@code setsid}), so Ctrl-C in a terminal reaches Vigie alone, which
 * then stops its services before the servers they talk to, instead of every process at once. setsid does not fork
 * here (the child is not a process group leader), so the pid Vigie holds stays the server's.
 */
final class ChildProcess {
    private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vigie-child-spawner");
        t.setDaemon(true);
        return t;
    });

    private final String name;
    private final Process process;
    private final Path logFile;
    private final List<Long> reportedPids = new ArrayList<>();

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** True when children can be tied to this JVM's life by the kernel. */
    static boolean parentDeathSignalAvailable() {
        return Files.isExecutable(SETPRIV);
    }

    /**
     * The prefix that makes the kernel SIGTERM the child when this JVM dies; {@code setprivOptions} adds more
     * setpriv options (such as switching user), which need setpriv anyway.
     */
    static List<String> parentDeathPrefix(List<String> setprivOptions) {
        if (!parentDeathSignalAvailable()) {
            if (!setprivOptions.isEmpty()) {
                throw new LocalServerException("setpriv is missing (needed to run Elasticsearch as an unprivileged"
                        + " user): apt-get install util-linux");
            }
            return List.of();
        }
        List<String> prefix = new ArrayList<>();
        prefix.add(SETPRIV.toString());
        prefix.addAll(setprivOptions);
        // Applied by setpriv after any user switch, since the kernel clears it when the uid changes.
        prefix.add("--pdeathsig");
        prefix.add("TERM");
        prefix.add("--");
        if (Files.isExecutable(SETSID)) {
            prefix.add(SETSID.toString());
        }
        return prefix;
    }

    /** Starts {@code command} with output appended to {@code logFile}. */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDirectory,
            Path logFile) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Process process = CompletableFuture.supplyAsync(() -> {
                try {
                    return builder.start();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, SPAWNER).get(30, TimeUnit.SECONDS);
            log.info("child started name={} pid={} log={}", name, process.pid(), logFile);
            return new ChildProcess(name, process, logFile);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            throw new LocalServerException("cannot start " + name + " (" + command.get(0) + "): " + cause.getMessage(),
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalServerException("interrupted while starting " + name, e);
        } catch (TimeoutException e) {
            throw new LocalServerException("starting " + name + " took more than 30 s", e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    /** A pid the child reported (a pid file), stopped with it even if it is no longer its descendant. */
    synchronized void adopt(long pid) {
        reportedPids.add(pid);
    }

    /** Every live pid of this server: the child, its descendants and the pids it reported. */
    synchronized List<Long> pids() {
        Map<Long, ProcessHandle> all = handles();
        return List.copyOf(all.keySet());
    }

    private synchronized Map<Long, ProcessHandle> handles() {
        Map<Long, ProcessHandle> all = new LinkedHashMap<>();
        if (process.isAlive()) {
            all.put(process.pid(), process.toHandle());
        }
        process.descendants().forEach(h -> all.put(h.pid(), h));
        for (long pid : reportedPids) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(h -> all.put(pid, h));
        }
        return all;
    }

    /** The last lines of the child's output, for an error message when it died at start. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Stops this server: SIGTERM to the child first (Elasticsearch's CLI then stops its server JVM itself and
     * exits cleanly), {@code grace} to exit; then SIGTERM to any descendant or reported pid still alive, and
     * SIGKILL to what is left after a few more seconds. Returns once every pid is gone.
     */
    void stop(Duration grace) {
        Map<Long, ProcessHandle> all = handles();
        if (all.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        ProcessHandle root = process.toHandle();
        root.destroy();
        boolean clean = waitFor(root, grace);
        for (ProcessHandle h : all.values()) {
            if (h.isAlive() && !waitFor(h, Duration.ofSeconds(2))) {
                clean = false;
                log.warn("child signalled name={} pid={} signal=TERM reason=still alive after its parent stopped",
                        name, h.pid());
                h.destroy();
            }
        }
        boolean forced = false;
        for (ProcessHandle h : all.values()) {
            if (!waitFor(h, Duration.ofSeconds(clean ? 0 : 10))) {
                log.warn("child killed name={} pid={} signal=KILL reason=still alive after SIGTERM", name, h.pid());
                h.destroyForcibly();
                forced = true;
            }
        }
        all.values().forEach(h -> waitFor(h, Duration.ofSeconds(10)));
        log.info("child stopped name={} pids={} stopMs={} exit={} forced={}", name, all.keySet(),
                (System.nanoTime() - started) / 1_000_000, process.isAlive() ? "alive" : process.exitValue(), forced);
    }

    private static boolean waitFor(ProcessHandle h, Duration timeout) {
        if (!h.isAlive()) {
            return true;
        }
        try {
            h.onExit().get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !h.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !h.isAlive();
        }
    }
}
