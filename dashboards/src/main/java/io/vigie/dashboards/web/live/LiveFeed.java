package io.vigie.dashboards.web.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.model.IncidentEvent;
import io.vigie.model.IncidentStatus;
import io.vigie.model.JsonSerde;
import io.vigie.model.ScoredMention;
import io.vigie.model.SpikeSignal;
import io.vigie.model.Topics;
import io.vigie.model.VigieJson;
import io.vigie.model.WatchedBrand;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.ConsumerThreads;
import io.vigie.runtime.service.VigieService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Kafka reader of a dashboards instance. It joins no consumer group: it is assigned every partition of the
 * live topics, so each instance sees everything (pages may connect to any instance) and commits nothing. At start
 * the event topics are read from {@code replayWindow} ago, which fills the hub's ring; the compacted
 * {@code watchlist} and {@code incidents} from their beginning, which gives the current brands and open incidents.
 */
public final class LiveFeed implements VigieService {
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    /** Topic names, passed in so a test can use its own. */
    public record Topics4(String mentions, String stats, String signals, String incidents, String watchlist) {
        public static final Topics4 DEFAULT = new Topics4(Topics.MENTIONS_SCORED, Topics.BRAND_STATS, Topics.SIGNALS,
                Topics.INCIDENTS, Topics.WATCHLIST);

        public List<String> all() {
            return List.of(mentions, stats, signals, incidents, watchlist);
        }
    }

    private final KafkaConnection kafka;
    private final Topics4 topics;
    private final Duration replayWindow;
    private final Clock clock;
    private final LiveHub hub;
    private final ObjectMapper json = VigieJson.newMapper();
    private final JsonSerde<ScoredMention> mentions = JsonSerde.of(ScoredMention.class);
    private final Map<String, WatchedBrand> brands = new ConcurrentHashMap<>();
    private final Map<String, IncidentEvent> openIncidents = new ConcurrentHashMap<>();
    /** Per brand, its recent signals (start and end phases), for the brand page's chart; bounded. */
    private final Map<String, java.util.Deque<SpikeSignal>> signals = new ConcurrentHashMap<>();
    private static final int SIGNALS_PER_BRAND = 500;
    /** Signals are kept for the 30 days the brand page can show (the {@code signals} topic keeps a month). */
    private static final Duration SIGNAL_HISTORY = Duration.ofDays(30);
    private volatile boolean caughtUp;
    private volatile Instant replayFrom = Instant.EPOCH;
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public LiveFeed(KafkaConnection kafka, Topics4 topics, Duration replayWindow, LiveHub hub, Clock clock) {
        this.kafka = kafka;
        this.topics = topics;
        this.replayWindow = replayWindow;
        this.hub = hub;
        this.clock = clock;
    }

    public static List<String> hubTopics(Topics4 topics) {
        return topics.all();
    }

    @Override
    public String name() {
        return "dashboard-live";
    }

    @Override
    public synchronized void start() {
        var p = kafka.consumerConfig();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "vigie-dashboard-live");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> replayed = new ArrayList<>();
        List<TopicPartition> fromStart = new ArrayList<>();
        for (String topic : topics.all()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                log.warn("event=live_topic_missing topic={} effect=\"pages get no {} events until a restart\"", topic, topic);
            }
            for (PartitionInfo info : infos == null ? List.<PartitionInfo>of() : infos) {
                TopicPartition tp = new TopicPartition(topic, info.partition());
                (topic.equals(topics.watchlist()) || topic.equals(topics.incidents()) ? fromStart : replayed).add(tp);
            }
        }
        List<TopicPartition> all = new ArrayList<>(replayed);
        all.addAll(fromStart);
        consumer.assign(all);
        Instant since = clock.instant().minus(replayWindow);
        Map<TopicPartition, Long> times = new HashMap<>();
        replayed.forEach(tp -> times.put(tp, (tp.topic().equals(topics.signals())
                ? clock.instant().minus(SIGNAL_HISTORY) : since).toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times, Duration.ofSeconds(30));
        Map<TopicPartition, Long> ends = consumer.endOffsets(replayed, Duration.ofSeconds(30));
        for (TopicPartition tp : replayed) {
            OffsetAndTimestamp at = found.get(tp);
            long offset = at == null ? ends.get(tp) : at.offset();
            consumer.seek(tp, offset);
            hub.startsAt(tp.topic(), tp.partition(), offset);
        }
        consumer.seekToBeginning(fromStart);
        for (TopicPartition tp : fromStart) {
            long offset = consumer.position(tp, Duration.ofSeconds(30));
            hub.startsAt(tp.topic(), tp.partition(), offset);
        }
        hub.holdsEverythingSince(since);
        replayFrom = since;
        Map<TopicPartition, Long> startEnds = consumer.endOffsets(all, Duration.ofSeconds(30));
        running = true;
        thread = new Thread(() -> run(startEnds), "dashboard-live-feed");
        thread.setDaemon(true);
        thread.start();
        log.info("event=live_feed_started partitions={} replayFrom={}", all.size(), since);
    }

    private void run(Map<TopicPartition, Long> startEnds) {
        long lastBeat = System.nanoTime();
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> r : records) {
                    handle(r);
                }
                if (!caughtUp) {
                    caughtUp = startEnds.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                }
                if (System.nanoTime() - lastBeat > HEARTBEAT.toNanos()) {
                    hub.heartbeat();
                    lastBeat = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("event=live_feed_failed error=\"{}\"", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        Instant at = Instant.ofEpochMilli(r.timestamp());
        try {
            if (r.value() == null) {
                if (r.topic().equals(topics.watchlist()) && r.key() != null) {
                    brands.remove(r.key());
                }
                hub.skip(r.topic(), r.partition(), r.offset());
                return;
            }
            if (r.topic().equals(topics.signals())) {
                SpikeSignal signal = json.readValue(r.value(), SpikeSignal.class);
                var kept = signals.computeIfAbsent(signal.brand(), k -> new java.util.concurrent.ConcurrentLinkedDeque<>());
                kept.addLast(signal);
                while (kept.size() > SIGNALS_PER_BRAND) {
                    kept.pollFirst();
                }
                if (at.isBefore(replayFrom)) {
                    // History for the chart only: no page is sent a month-old signal as news.
                    hub.skipOld(r.topic(), r.partition(), r.offset());
                    return;
                }
                hub.publish(LiveEvent.SIGNAL, brandOf(signal.brand()), new String(r.value(), java.nio.charset.StandardCharsets.UTF_8),
                        r.topic(), r.partition(), r.offset(), at);
            } else if (r.topic().equals(topics.mentions())) {
                ScoredMention m = mentions.decode(r.value());
                MentionCard card = MentionCard.of(m);
                hub.publish(LiveEvent.MENTION, Set.copyOf(m.brands()), json.writeValueAsString(card), r.topic(),
                        r.partition(), r.offset(), m.scoredAt() == null ? at : m.scoredAt());
            } else if (r.topic().equals(topics.watchlist())) {
                WatchedBrand b = json.readValue(r.value(), WatchedBrand.class);
                brands.put(b.id(), b);
                hub.publish(LiveEvent.BRAND, Set.of(b.id()), json.writeValueAsString(b), r.topic(), r.partition(),
                        r.offset(), at);
            } else if (r.topic().equals(topics.incidents())) {
                IncidentEvent i = json.readValue(r.value(), IncidentEvent.class);
                if (i.status() == IncidentStatus.RESOLVED) {
                    openIncidents.remove(i.incidentId());
                } else {
                    openIncidents.put(i.incidentId(), i);
                }
                hub.publish(LiveEvent.INCIDENT, brandOf(i.brand()), new String(r.value(), java.nio.charset.StandardCharsets.UTF_8),
                        r.topic(), r.partition(), r.offset(), at);
            } else {
                JsonNode node = json.readTree(r.value());
                hub.publish(LiveEvent.STATS, brandOf(node.path("brand").asText(null)), node.toString(), r.topic(), r.partition(),
                        r.offset(), at);
            }
        } catch (Exception e) {
            // The indexer dead-letters bad records; here one is skipped, and said so, so the page never stalls on it.
            log.warn("event=live_record_skipped topic={} partition={} offset={} error=\"{}\"", r.topic(), r.partition(),
                    r.offset(), String.valueOf(e.getMessage()).replace('"', '\''));
            hub.skip(r.topic(), r.partition(), r.offset());
        }
    }

    private static Set<String> brandOf(String brand) {
        return brand == null || brand.isBlank() ? Set.of() : Set.of(brand);
    }

    /** The watched brands, by id (from the compacted {@code watchlist}). */
    public Map<String, WatchedBrand> brands() {
        return new TreeMap<>(brands);
    }

    /** The brand's signals (newest last) that touch the period from..to. */
    public List<SpikeSignal> signals(String brand, Instant from, Instant to) {
        List<SpikeSignal> out = new ArrayList<>();
        for (SpikeSignal s : signals.getOrDefault(brand, new java.util.ArrayDeque<>())) {
            Instant start = s.since() == null ? s.at() : s.since();
            if (s.at() != null && !s.at().isBefore(from) && start != null && start.isBefore(to)) {
                out.add(s);
            } else if (start != null && !start.isBefore(from) && start.isBefore(to)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Open or acknowledged incidents per brand. */
    public Map<String, List<IncidentEvent>> openIncidentsByBrand() {
        Map<String, List<IncidentEvent>> out = new TreeMap<>();
        for (IncidentEvent i : openIncidents.values()) {
            out.computeIfAbsent(i.brand(), k -> new ArrayList<>()).add(i);
        }
        return out;
    }

    /** True once the records present at start are read (the ring and the brand list are complete). */
    public boolean caughtUp() {
        return caughtUp;
    }

    public LiveHub hub() {
        return hub;
    }

    @Override
    public synchronized void close() {
        running = false;
        if (consumer != null && thread != null) {
            ConsumerThreads.wakeAndJoin(consumer, thread, Duration.ofSeconds(5));
        }
        hub.closeAll();
    }
}
