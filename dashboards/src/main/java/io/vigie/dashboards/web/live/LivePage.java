package io.vigie.dashboards.web.live;

import io.javalin.http.sse.SseClient;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open page: a bounded queue the hub offers events to, and its own writer thread. A page that reads too slowly
 * fills its queue and is dropped (the browser's EventSource reconnects and resumes from its last id); the hub never
 * waits for it, and a blocked socket write only ever stalls this page's thread.
 */
public final class LivePage {
    private static final Logger log = LoggerFactory.getLogger(LivePage.class);
    private static final LiveEvent HEARTBEAT = new LiveEvent("", java.util.Set.of(), "", "", 0, 0, null, "");

    private final SseClient client;
    private final Predicate<LiveEvent> wants;
    private final BlockingQueue<LiveEvent> queue;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Thread writer;
    private final String who;

    LivePage(SseClient client, Predicate<LiveEvent> wants, int capacity, String who) {
        this.client = client;
        this.wants = wants;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.who = who;
        this.writer = new Thread(this::write, "live-page-" + who);
        this.writer.setDaemon(true);
    }

    void start() {
        writer.start();
    }

    boolean isOpen() {
        return open.get() && !client.terminated();
    }

    /** False when the page is gone or its queue is full: then it is closed and the hub forgets it. */
    boolean offer(LiveEvent event) {
        if (!isOpen()) {
            return false;
        }
        if (event != HEARTBEAT && !LiveHub.RESYNC.equals(event.type()) && !wants.test(event)) {
            return true;
        }
        if (queue.offer(event)) {
            return true;
        }
        log.info("event=live_page_dropped page={} reason=queue_full capacity={}", who, queue.size());
        close();
        return false;
    }

    boolean heartbeat() {
        return offer(HEARTBEAT);
    }

    void close() {
        if (open.compareAndSet(true, false)) {
            writer.interrupt();
            try {
                client.close();
            } catch (RuntimeException e) {
                log.debug("closing a live page", e);
            }
        }
    }

    private void write() {
        try {
            // Something at once, so the browser's EventSource opens now rather than at the first event.
            client.sendComment("open");
            while (isOpen()) {
                LiveEvent e = queue.poll(1, TimeUnit.SECONDS);
                if (e == null) {
                    continue;
                }
                if (e == HEARTBEAT) {
                    client.sendComment("heartbeat");
                } else {
                    client.sendEvent(e.type(), e.json(), e.id());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("live page {} write failed", who, e);
        } finally {
            close();
        }
    }
}
