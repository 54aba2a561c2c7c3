package io.vigie.dashboards.search;

import io.vigie.query.SearchQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Exports running in the background of one dashboards instance, so a page can show their progress (rows so far
 * of total), cancel them, and download the file when done. Each file is written to a temporary directory as it
 * is streamed from Elasticsearch (never built in memory) and deleted when downloaded-and-expired or cancelled.
 */
public final class ExportJobs implements AutoCloseable {
    /** How long a finished file waits to be downloaded. */
    static final Duration KEEP_DONE = Duration.ofHours(1);

    public enum State { RUNNING, DONE, CANCELLED, FAILED }

    /** One export: a snapshot of its state is what the page polls. */
    public static final class Job {
        private final String id;
        private final String owner;
        private final String query;
        private final ExportFormat format;
        private final Path file;
        private final Instant started;
        private final AtomicLong total = new AtomicLong(-1);
        private final AtomicLong rows = new AtomicLong();
        private final AtomicBoolean cancel = new AtomicBoolean();
        private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
        private volatile String error;
        private volatile Instant finished;

        Job(String id, String owner, String query, ExportFormat format, Path file, Instant started) {
            this.id = id;
            this.owner = owner;
            this.query = query;
            this.format = format;
            this.file = file;
            this.started = started;
        }

        public String id() { return id; }
        public String owner() { return owner; }
        public String query() { return query; }
        public ExportFormat format() { return format; }
        public Path file() { return file; }
        public Instant started() { return started; }
        /** -1 until counted. */
        public long total() { return total.get(); }
        public long rows() { return rows.get(); }
        public State state() { return state.get(); }
        public String error() { return error; }

        /** A file name for the download, e.g. {@code vigie-export-20261130-0815.csv}. */
        public String fileName() {
            String stamp = started.toString().substring(0, 16).replace("-", "").replace(":", "").replace("T", "-");
            return "vigie-export-" + stamp + "." + format.extension();
        }
    }

    private final MentionExport export;
    private final Path directory;
    private final Clock clock;
    private final ExecutorService workers;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    /** @param concurrent how many exports may run at once; more wait their turn */
    public ExportJobs(MentionExport export, Path directory, Clock clock, int concurrent) {
        this.export = export;
        this.directory = directory;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(concurrent, r -> {
            Thread t = new Thread(r, "vigie-export");
            t.setDaemon(true);
            return t;
        });
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Job start(String owner, SearchQuery query, ExportFormat format, ExportFormat.CsvOptions csv) {
        forgetExpired();
        String id = UUID.randomUUID().toString();
        Job job = new Job(id, owner, query.source(), format, directory.resolve(id + "." + format.extension()),
                clock.instant());
        jobs.put(id, job);
        workers.submit(() -> run(job, query, csv));
        return job;
    }

    private void run(Job job, SearchQuery query, ExportFormat.CsvOptions csv) {
        try (OutputStream out = Files.newOutputStream(job.file)) {
            export.export(job.owner, query, job.format, csv, out, new MentionExport.Progress() {
                @Override
                public void total(long rows) {
                    job.total.set(rows);
                }

                @Override
                public void written(long rows) {
                    job.rows.set(rows);
                }
            }, job.cancel::get);
        } catch (CancellationException e) {
            job.state.set(State.CANCELLED);
            deleteQuietly(job.file);
        } catch (IOException | RuntimeException e) {
            job.error = e.getMessage();
            job.state.set(State.FAILED);
            deleteQuietly(job.file);
        } finally {
            job.finished = clock.instant();
        }
        // Done only once the stream is closed, so a download never reads a file still being written.
        job.state.compareAndSet(State.RUNNING, State.DONE);
    }

    /** The job with this id, if its owner asks (a user sees only their own exports). */
    public Optional<Job> get(String id, String owner) {
        Job job = jobs.get(id);
        return job != null && job.owner.equals(owner) ? Optional.of(job) : Optional.empty();
    }

    /** Asks a running export to stop; it does after the batch in hand. */
    public boolean cancel(String id, String owner) {
        Optional<Job> job = get(id, owner);
        job.ifPresent(j -> j.cancel.set(true));
        return job.isPresent();
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        jobs.values().removeIf(j -> {
            boolean expired = j.finished != null && j.finished.plus(KEEP_DONE).isBefore(now);
            if (expired) {
                deleteQuietly(j.file);
            }
            return expired;
        });
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover temporary file is harmless; the directory is the operator's to clean.
        }
    }

    @Override
    public void close() {
        jobs.values().forEach(j -> j.cancel.set(true));
        workers.shutdown();
    }
}
