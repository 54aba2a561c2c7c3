package io.vigie.model;

import java.time.Duration;
import java.util.List;

/** Every topic Vigie reads or writes, in one place. Services take the names from here, never as literals. */
public final class Topics {
    public static final String MENTIONS_RAW = "mentions.raw";
    public static final String WATCHLIST = "watchlist";
    public static final String MENTIONS_SCORED = "mentions.scored";
    public static final String BRAND_STATS = "brand.stats";
    public static final String SIGNALS = "signals";
    public static final String INCIDENTS = "incidents";
    public static final String NOTIFICATIONS = "notifications";
    public static final String SILENCES = "silences";
    /** People's actions on incidents and the owner's answers; as many partitions as {@link #SIGNALS}, same key. */
    public static final String INCIDENT_ACTIONS = "incident.actions";
    /** The team's handling of mentions that need an answer (who, how, when); compacted, keyed by mention id. */
    public static final String MENTION_RESPONSES = "mention.responses";
    /** Approved reply wording per brand and language; compacted, keyed by brand/language/template id. */
    public static final String REPLY_TEMPLATES = "reply.templates";
    public static final String INGEST_STATE = "ingest.state";
    public static final String DEADLETTER = "deadletter";

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MONTH = Duration.ofDays(30);

    private Topics() {}

    /** The topics created by {@code vigie local} and by {@code vigie topics create}; partitions are defaults. */
    public static List<TopicSpec> all() {
        return List.of(
                new TopicSpec(MENTIONS_RAW, 6, false, WEEK, "mention id", RawMention.class,
                        "ingest", "analyze"),
                new TopicSpec(WATCHLIST, 1, true, null, "brand id", WatchedBrand.class,
                        "vigie brands, config at start", "analyze (global table), dashboards"),
                new TopicSpec(MENTIONS_SCORED, 6, false, WEEK, "mention id", ScoredMention.class,
                        "analyze", "dashboards (indexer, engagement history), alerting (top mentions)"),
                new TopicSpec(BRAND_STATS, 6, false, WEEK, "brand id", BrandStats.class,
                        "analyze", "dashboards (live tiles)"),
                new TopicSpec(SIGNALS, 6, false, MONTH, "brand id", SpikeSignal.class,
                        "analyze", "alerting, dashboards"),
                new TopicSpec(INCIDENTS, 3, true, null, "incident id", IncidentEvent.class,
                        "alerting", "alerting (every instance), dashboards"),
                new TopicSpec(NOTIFICATIONS, 3, false, WEEK, "notification id", Notification.class,
                        "alerting (outbox)", "alerting (delivery), dashboards (incident page)"),
                new TopicSpec(SILENCES, 1, true, null, "silence id", Silence.class,
                        "alerting (API, config), dashboards (desk)", "alerting (every instance), dashboards"),
                new TopicSpec(INCIDENT_ACTIONS, 6, false, WEEK, "brand id (co-partitioned with signals)",
                        IncidentCommand.class, "alerting (API of any instance), dashboards (desk)",
                        "alerting (the brand's owner); answers: alerting and dashboards (every instance)"),
                new TopicSpec(MENTION_RESPONSES, 3, true, null, "mention id", MentionResponse.class,
                        "dashboards (web app of any instance)", "dashboards (every instance; indexer)"),
                new TopicSpec(REPLY_TEMPLATES, 1, true, null, "brand/language/template id", ReplyTemplate.class,
                        "dashboards (admins, web app)", "dashboards (every instance)"),
                new TopicSpec(INGEST_STATE, 6, true, null, "feed URL or item id", Object.class,
                        "ingest", "ingest (every instance, on start and rebalance)"),
                new TopicSpec(DEADLETTER, 1, false, MONTH, "original key", DeadLetter.class,
                        "every stage", "operators (vigie deadletter), dashboards"));
    }

    public static TopicSpec spec(String name) {
        return all().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + name));
    }
}
