package io.vigie.alerting.messages;

import io.vigie.runtime.service.ConsumerThreads;
import io.vigie.model.JsonSerde;
import io.vigie.model.ScoredMention;
import io.vigie.model.Topics;
import io.vigie.model.UndecodableRecordException;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.VigieService;
import io.vigie.runtime.connect.TopicReplay;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last scored mentions (a bounded, most-recent-first memory fed by {@code mentions.scored} from
 * {@code lookBack} ago), so messages can show the top mentions of an incident with their links and sentiment.
 * Undecodable records are skipped here: the dashboards' indexer dead-letters them.
 */
public final class RecentMentions implements MentionDetails, VigieService {
    private static final Logger log = LoggerFactory.getLogger(RecentMentions.class);

    private final KafkaConnection kafka;
    private final int capacity;
    private final Duration lookBack;
    private final Clock clock;
    private final JsonSerde<ScoredMention> serde = JsonSerde.of(ScoredMention.class);
    private final Map<String, ScoredMention> byId;
    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;

    public RecentMentions(KafkaConnection kafka, int capacity, Duration lookBack, Clock clock) {
        this.kafka = kafka;
        this.capacity = capacity;
        this.lookBack = lookBack;
        this.clock = clock;
        this.byId = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ScoredMention> eldest) {
                return size() > RecentMentions.this.capacity;
            }
        };
    }

    @Override
    public synchronized Optional<ScoredMention> find(String mentionId) {
        return Optional.ofNullable(byId.get(mentionId));
    }

    private synchronized void put(ScoredMention m) {
        byId.put(m.mention().id(), m);
    }

    @Override
    public String name() {
        return "alerting-mentions";
    }

    @Override
    public void start() {
        Properties c = kafka.consumerConfig();
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = new Thread(this::run, "alerting-mentions");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            TopicReplay.assignSince(consumer, Topics.MENTIONS_SCORED, clock.instant().minus(lookBack),
                    Duration.ofSeconds(60));
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        put(serde.decode(r.value()));
                    } catch (UndecodableRecordException e) {
                        log.debug("service=alerting-mentions event=skipped offset={} reason=\"{}\"", r.offset(),
                                e.getMessage());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("service=alerting-mentions event=crashed error=\"{}\"", e.toString(), e);
        } finally {
            consumer.close(java.time.Duration.ofSeconds(1));
        }
    }

    @Override
    public void close() {
        running = false;
        ConsumerThreads.wakeAndJoin(consumer, thread, java.time.Duration.ofSeconds(3));
    }
}
