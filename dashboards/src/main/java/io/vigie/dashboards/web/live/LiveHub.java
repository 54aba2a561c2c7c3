package io.vigie.dashboards.web.live;

import io.javalin.http.sse.SseClient;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans the live events out to every open page and keeps the recent ones in a bounded ring so a page can catch up.
 * <p>
 * Ids: after each event the hub's position vector (next offset per partition) is that event's id. A page that
 * reconnects with {@code Last-Event-ID: V} is sent, from the ring, every event at or after V for its partitions, so it
 * misses nothing and sees nothing twice. When the ring no longer reaches back to V (the page was away longer than the
 * ring holds) it is sent a {@code resync} event instead, and reloads its history from Elasticsearch.
 * <p>
 * A new page starts from a time rather than an id: {@link #subscribeSince} replays the mentions whose
 * {@code scoredAt} is at or after the cut the page's history stopped at (see {@code BrandPage}).
 * <p>
 * Events are published by one thread (the {@link LiveFeed}); pages subscribe from request threads.
 */
public final class LiveHub {
    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
    public static final String RESYNC = "resync";

    private final List<String> topics;
    private final int ringCapacity;
    private final int pageQueueCapacity;
    private final ArrayDeque<LiveEvent> ring = new ArrayDeque<>();
    /** Per partition, the lowest offset the ring still holds everything from. */
    private final Map<String, Long> ringFloor = new HashMap<>();
    private final Map<String, Long> position = new HashMap<>();
    private final List<LivePage> pages = new CopyOnWriteArrayList<>();
    private long pageCounter;
    /** Every mention scored at or after this time is in the ring (null: nothing is known yet). */
    private Instant holdsSince;

    public LiveHub(List<String> topics, int ringCapacity, int pageQueueCapacity) {
        this.topics = List.copyOf(topics);
        this.ringCapacity = ringCapacity;
        this.pageQueueCapacity = pageQueueCapacity;
    }

    public List<String> topics() {
        return topics;
    }

    /** Where reading starts for a partition: the ring holds everything from there on. */
    public synchronized void startsAt(String topic, int partition, long offset) {
        String key = Position.key(topic, partition);
        ringFloor.put(key, offset);
        position.put(key, offset);
    }

    /** The feed started reading at this time: the ring holds every mention scored since. */
    public synchronized void holdsEverythingSince(Instant since) {
        holdsSince = since;
    }

    /** Builds the event for one record: its id is the position once the record is applied. */
    public synchronized LiveEvent publish(String type, java.util.Set<String> brands, String json, String topic,
            int partition, long offset, Instant at) {
        String key = Position.key(topic, partition);
        position.put(key, offset + 1);
        LiveEvent event = new LiveEvent(type, brands, json, topic, partition, offset, at, currentId());
        ring.addLast(event);
        while (ring.size() > ringCapacity) {
            LiveEvent gone = ring.removeFirst();
            ringFloor.put(Position.key(gone.topic(), gone.partition()), gone.offset() + 1);
            if (gone.at() != null && (holdsSince == null || gone.at().isAfter(holdsSince))) {
                holdsSince = gone.at();
            }
        }
        for (LivePage page : pages) {
            if (!page.offer(event)) {
                pages.remove(page);
            }
        }
        return event;
    }

    /** Records that are not events (a tombstone, a record nobody shows) still move the position. */
    public synchronized void skip(String topic, int partition, long offset) {
        position.put(Position.key(topic, partition), offset + 1);
    }

    /** A record read only for history: moves the position and the ring's floor (it is not in the ring). */
    public synchronized void skipOld(String topic, int partition, long offset) {
        String key = Position.key(topic, partition);
        position.put(key, offset + 1);
        ringFloor.put(key, offset + 1);
    }

    public synchronized String currentId() {
        return new Position(position).encode(topics);
    }

    /** Sends a heartbeat comment to every page; drops those that are gone. */
    public void heartbeat() {
        for (LivePage page : pages) {
            if (!page.heartbeat()) {
                pages.remove(page);
            }
        }
    }

    public int openPages() {
        return pages.size();
    }

    /**
     * A page resuming after {@code lastEventId}: replays what it missed, then follows. An unknown or too old id
     * gets a {@code resync} event.
     */
    public synchronized LivePage subscribeAfter(SseClient client, String lastEventId, Predicate<LiveEvent> wants) {
        LivePage page = newPage(client, wants);
        Optional<Position> from = Position.decode(lastEventId, topics);
        if (from.isEmpty() || !covers(from.get())) {
            page.offer(resync());
        } else {
            Map<String, Long> next = from.get().nextOffsets();
            for (LiveEvent e : ring) {
                Long seen = next.get(Position.key(e.topic(), e.partition()));
                if (seen == null || e.offset() >= seen) {
                    page.offer(e);
                }
            }
        }
        return follow(page);
    }

    /** A new page whose history (from Elasticsearch) holds the mentions scored before {@code cut}. */
    public synchronized LivePage subscribeSince(SseClient client, Instant cut, Predicate<LiveEvent> wants) {
        LivePage page = newPage(client, wants);
        if (cut != null) {
            if (holdsSince == null || cut.isBefore(holdsSince)) {
                page.offer(resync());
            }
            for (LiveEvent e : ring) {
                if (LiveEvent.MENTION.equals(e.type()) && e.at() != null && !e.at().isBefore(cut)) {
                    page.offer(e);
                }
            }
        }
        return follow(page);
    }

    /** The ring's recent events a page would want, oldest first (for a page's first render). */
    public synchronized List<LiveEvent> recent(Predicate<LiveEvent> wants, int max) {
        List<LiveEvent> out = new ArrayList<>();
        var it = ring.descendingIterator();
        while (it.hasNext() && out.size() < max) {
            LiveEvent e = it.next();
            if (wants.test(e)) {
                out.add(0, e);
            }
        }
        return out;
    }

    private boolean covers(Position from) {
        for (Map.Entry<String, Long> e : from.nextOffsets().entrySet()) {
            Long floor = ringFloor.get(e.getKey());
            if (floor != null && e.getValue() < floor) {
                return false;
            }
        }
        return true;
    }

    private LiveEvent resync() {
        return new LiveEvent(RESYNC, java.util.Set.of(), "{}", "", 0, 0, null, currentId());
    }

    private LivePage newPage(SseClient client, Predicate<LiveEvent> wants) {
        return new LivePage(client, wants, pageQueueCapacity, Long.toString(++pageCounter));
    }

    private LivePage follow(LivePage page) {
        pages.add(page);
        page.start();
        log.debug("event=live_page_opened pages={}", pages.size());
        return page;
    }

    public void closeAll() {
        for (LivePage page : pages) {
            page.close();
        }
        pages.clear();
    }
}
