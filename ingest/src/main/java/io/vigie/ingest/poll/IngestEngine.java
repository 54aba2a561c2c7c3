package io.vigie.ingest.poll;

import io.vigie.ingest.identity.CanonicalUrl;
import io.vigie.ingest.politeness.HostPoliteness;
import io.vigie.ingest.schedule.PollInterval;
import io.vigie.model.IngestState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules polls: a dispatcher thread picks due feeds whose host is free and past its delay, a bounded pool
 * polls them, and each outcome is committed to the sink before the feed's state moves on. Feeds are registered
 * by whoever owns them (the {@code ingest.state} consumer, or a command); a feed is polled only once it is marked
 * ready (its state restored).
 */
public final class IngestEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestEngine.class);

    /** How the engine schedules. */
    public record Settings(int fetchThreads, long defaultMinPollSeconds, long defaultMaxPollSeconds, long signalPollSeconds) {}

    /** One feed as the engine tracks it. */
    public static final class Slot {
        final String url;
        final String host;
        volatile IngestState.Source source;
        volatile IngestState.Feed state;
        volatile Instant nextPollAt = Instant.MIN;
        volatile boolean inFlight;
        /** A push notice arrived while a poll was in flight (it may have fetched before the change): poll again. */
        volatile boolean changedWhileInFlight;
        volatile boolean ready;
        final int partition;

        Slot(String url, int partition) {
            this.url = url;
            this.host = CanonicalUrl.host(url) == null ? url : CanonicalUrl.host(url);
            this.partition = partition;
        }

        public IngestState.Source source() {
            return source;
        }

        public IngestState.Feed state() {
            return state;
        }

        public Instant nextPollAt() {
            return nextPollAt;
        }
    }

    /**
     * The feeds this instance polls, for the {@code vigie_feeds} gauges: how many, how many whose last polls failed,
     * and how many wait out a host's backoff after failures.
     */
    public record FeedCounts(long polled, long failing, long inBackoff) {}

    /** Counted now over the ready, unpaused feeds of this instance's partitions. */
    public FeedCounts feedCounts() {
        long polledFeeds = 0;
        long failing = 0;
        long inBackoff = 0;
        for (Slot slot : slots.values()) {
            IngestState.Source source = slot.source;
            if (!slot.ready || source == null || source.paused()) {
                continue;
            }
            polledFeeds++;
            IngestState.Feed state = slot.state;
            if (state != null && state.consecutiveErrors() > 0) {
                failing++;
            }
            if (politeness.consecutiveFailures(slot.host) > 0) {
                inBackoff++;
            }
        }
        return new FeedCounts(polledFeeds, failing, inBackoff);
    }

    /** Figures for operators and the benchmark. */
    public record Stats(long polls, long failures, long entriesParsed, long mentionsPublished, long commitFailures,
                        long pushedPolls) {}

    private final FeedPoller poller;
    private final HostPoliteness politeness;
    private final PollSink sink;
    private final Settings settings;
    private final Clock clock;
    private final java.util.function.ToIntFunction<String> partitioner;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Set<String> brandsUnderSignal = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final Semaphore capacity;
    private final Object wake = new Object();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong entries = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong commitFailures = new AtomicLong();
    private final AtomicLong pushedPolls = new AtomicLong();
    private volatile boolean running;
    private Thread dispatcher;

    public IngestEngine(FeedPoller poller, HostPoliteness politeness, PollSink sink, Settings settings, Clock clock,
                        java.util.function.ToIntFunction<String> partitioner) {
        this.poller = poller;
        this.politeness = politeness;
        this.sink = sink;
        this.settings = settings;
        this.clock = clock;
        this.partitioner = partitioner;
        this.workers = Executors.newFixedThreadPool(settings.fetchThreads(), r -> {
            Thread t = new Thread(r, "vigie-ingest-poll");
            t.setDaemon(true);
            return t;
        });
        this.capacity = new Semaphore(settings.fetchThreads());
    }

    public void start() {
        running = true;
        dispatcher = new Thread(this::dispatch, "vigie-ingest-dispatch");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    // ---- registry, called by the owner of the feeds

    public void upsertSource(IngestState.Source source) {
        String url = CanonicalUrl.of(source.url());
        Slot slot = slots.computeIfAbsent(url, u -> new Slot(u, partitioner.applyAsInt(u)));
        slot.source = source;
        wake();
    }

    public void removeSource(String url) {
        Slot slot = slots.get(CanonicalUrl.of(url));
        if (slot != null) {
            slot.source = null;
            if (!slot.inFlight) {
                slots.remove(slot.url, slot);
            }
        }
    }

    /** A feed's state as restored from the topic; ignored once the feed is ready (this instance writes it then). */
    public void restoreState(IngestState.Feed feed) {
        String url = CanonicalUrl.of(feed.url());
        Slot slot = slots.computeIfAbsent(url, u -> new Slot(u, partitioner.applyAsInt(u)));
        if (!slot.ready) {
            slot.state = feed;
            if (feed.lastPolledAt() != null) {
                slot.nextPollAt = feed.lastPolledAt().plusSeconds(Math.max(1, feed.intervalSeconds()));
            }
        }
    }

    public void markReady(IntPredicate partition) {
        for (Slot slot : slots.values()) {
            if (partition.test(slot.partition)) {
                slot.ready = true;
            }
        }
        wake();
    }

    /** Forgets the feeds of partitions this instance no longer owns. */
    public void drop(IntPredicate partition) {
        slots.values().removeIf(slot -> partition.test(slot.partition));
    }

    public void markAllReady() {
        markReady(p -> true);
    }

    /**
     * The brands with an open signal. Their sources' next polls are brought forward at once to at most the signal
     * interval after their last poll, not only after the next (possibly hour-away) poll.
     */
    public void brandsUnderSignal(Set<String> brands) {
        brandsUnderSignal.clear();
        brandsUnderSignal.addAll(brands);
        for (Slot slot : slots.values()) {
            IngestState.Source source = slot.source;
            if (source == null || slot.inFlight || source.brands().stream().noneMatch(brands::contains)) {
                continue;
            }
            Instant last = slot.state != null && slot.state.lastPolledAt() != null ? slot.state.lastPolledAt() : clock.instant();
            Instant sooner = last.plusSeconds(settings.signalPollSeconds());
            if (sooner.isBefore(slot.nextPollAt)) {
                slot.nextPollAt = sooner;
            }
        }
        wake();
    }

    /**
     * A push notice that the feed changed (WebSub, a ping): poll it as soon as its host's politeness allows, and
     * again right after a poll in flight, which may have fetched before the change. Does nothing for a feed this
     * instance does not own or a paused one; returns whether a poll was brought forward. The site's own delay and
     * robots rules still apply, so a flood of notices costs a site at most one conditional GET per host delay.
     */
    public boolean pollSoon(String url) {
        Slot slot = slots.get(CanonicalUrl.of(url));
        if (slot == null || !slot.ready || slot.source == null || slot.source.paused()) {
            return false;
        }
        if (slot.inFlight) {
            slot.changedWhileInFlight = true;
        } else {
            slot.nextPollAt = clock.instant();
        }
        pushedPolls.incrementAndGet();
        wake();
        return true;
    }

    /** The feeds this instance polls now: restored, with a source. */
    public Set<String> owned() {
        Set<String> out = new java.util.TreeSet<>();
        for (Slot slot : slots.values()) {
            if (slot.ready && slot.source != null) {
                out.add(slot.url);
            }
        }
        return out;
    }

    public List<Slot> slots() {
        return new ArrayList<>(slots.values());
    }

    public Stats stats() {
        return new Stats(polls.get(), failures.get(), entries.get(), published.get(), commitFailures.get(),
                pushedPolls.get());
    }

    // ---- scheduling

    private void wake() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void dispatch() {
        while (running) {
            Instant now = clock.instant();
            Instant earliest = now.plusSeconds(1);
            // Most overdue first, so that on a busy host every feed gets its turn (no starvation by map order).
            List<Slot> due = new ArrayList<>();
            for (Slot slot : slots.values()) {
                IngestState.Source source = slot.source;
                if (!slot.ready || slot.inFlight || source == null || source.paused()) {
                    continue;
                }
                if (slot.nextPollAt.isAfter(now)) {
                    if (slot.nextPollAt.isBefore(earliest)) {
                        earliest = slot.nextPollAt;
                    }
                    continue;
                }
                due.add(slot);
            }
            due.sort(java.util.Comparator.comparing((Slot s) -> s.nextPollAt));
            for (Slot slot : due) {
                IngestState.Source source = slot.source;
                if (source == null) {
                    continue;
                }
                if (!capacity.tryAcquire()) {
                    break;
                }
                if (!politeness.tryAcquire(slot.host, now)) {
                    capacity.release();
                    Instant ready = politeness.readyAt(slot.host);
                    if (ready.isAfter(now) && ready.isBefore(earliest)) {
                        earliest = ready;
                    }
                    continue;
                }
                slot.inFlight = true;
                workers.execute(() -> pollOnce(slot, source));
            }
            long waitMillis = Math.max(1, Math.min(1000, Duration.between(clock.instant(), earliest).toMillis()));
            synchronized (wake) {
                try {
                    wake.wait(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void pollOnce(Slot slot, IngestState.Source source) {
        long min = source.minPollSeconds() != null ? source.minPollSeconds() : settings.defaultMinPollSeconds();
        long max = source.maxPollSeconds() != null ? source.maxPollSeconds() : Math.max(min, settings.defaultMaxPollSeconds());
        Instant started = clock.instant();
        FeedPoller.Polled polled = null;
        try {
            polled = poller.poll(source, slot.state, min, max, started);
        } catch (RuntimeException e) {
            LOG.warn("event=poll_crashed feed={} error={}", slot.url, e.toString());
        } finally {
            if (polled != null && polled.crawlDelay() != null) {
                politeness.crawlDelay(slot.host, polled.crawlDelay());
            }
            HostPoliteness.Outcome outcome = polled == null || polled.fetchFailed() ? HostPoliteness.Outcome.FAILED
                    : polled.throttled() ? HostPoliteness.Outcome.THROTTLED : HostPoliteness.Outcome.OK;
            politeness.release(slot.host, outcome, polled == null ? null : polled.retryAfter(), clock.instant());
        }
        try {
            if (polled != null) {
                PollOutcome out = polled.outcome();
                sink.commit(slot.url, out);
                slot.state = out.feedState();
                polls.incrementAndGet();
                entries.addAndGet(out.entriesParsed());
                published.addAndGet(out.mentions().size());
                if (out.failed()) {
                    failures.incrementAndGet();
                    LOG.info("event=poll_failed feed={} error=\"{}\" consecutive={}", slot.url,
                            out.feedState().lastError(), out.feedState().consecutiveErrors());
                }
            }
        } catch (Exception e) {
            commitFailures.incrementAndGet();
            LOG.warn("event=commit_failed feed={} error={}", slot.url, e.toString());
        } finally {
            long interval = slot.state != null ? slot.state.intervalSeconds() : min;
            if (source.brands().stream().anyMatch(brandsUnderSignal::contains)) {
                interval = PollInterval.underSignal(interval, settings.signalPollSeconds());
            }
            if (polled == null) {
                interval = min;
            }
            slot.nextPollAt = started.plusSeconds(Math.max(1, interval));
            slot.inFlight = false;
            // Checked after inFlight is cleared: a notice arriving from now on moves nextPollAt itself.
            if (slot.changedWhileInFlight) {
                slot.changedWhileInFlight = false;
                slot.nextPollAt = clock.instant();
            }
            if (slot.source == null) {
                slots.remove(slot.url, slot);
            }
            capacity.release();
            wake();
        }
    }

    /** Stops scheduling, lets in-flight polls finish (their commits included), then returns. */
    @Override
    public void close() {
        running = false;
        wake();
        if (dispatcher != null) {
            dispatcher.interrupt();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
