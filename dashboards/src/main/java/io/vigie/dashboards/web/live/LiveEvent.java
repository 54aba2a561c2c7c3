package io.vigie.dashboards.web.live;

import java.time.Instant;
import java.util.Set;

/**
 * One thing that happened, ready to send: its SSE event name, the brands it concerns (a page following one brand
 * receives only its events), its JSON, and where it sits in Kafka.
 *
 * @param type the SSE event name: {@code mention}, {@code stats}, {@code signal}, {@code incident}, {@code brand}
 * @param brands the brands it concerns; empty means every page
 * @param at for a mention its {@code scoredAt} (where history and live meet), else the record's timestamp
 * @param id the hub's position vector once this event is applied, sent as the SSE id
 */
public record LiveEvent(String type, Set<String> brands, String json, String topic, int partition, long offset,
        Instant at, String id) {
    public static final String MENTION = "mention";
    public static final String STATS = "stats";
    public static final String SIGNAL = "signal";
    public static final String INCIDENT = "incident";
    public static final String BRAND = "brand";

    public boolean concerns(String brand) {
        return brand == null || brands.isEmpty() || brands.contains(brand);
    }
}
