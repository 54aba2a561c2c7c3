package io.vigie.dashboards.web.live;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Kafka position vector: for each partition of the live topics, the next offset to read. Written as the SSE event
 * id, e.g. {@code 0.0.812-0.1.799-1.0.40}: topic index (in the hub's topic list), partition, next offset. Offsets are
 * Kafka's, the same on every instance, so any instance can resume a page from an id another instance gave it.
 */
public record Position(Map<String, Long> nextOffsets) {
    public Position {
        nextOffsets = Map.copyOf(nextOffsets);
    }

    public static String key(String topic, int partition) {
        return topic + "#" + partition;
    }

    public String encode(List<String> topics) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Long> e : new TreeMap<>(nextOffsets).entrySet()) {
            int hash = e.getKey().lastIndexOf('#');
            int topic = topics.indexOf(e.getKey().substring(0, hash));
            if (sb.length() > 0) {
                sb.append('-');
            }
            sb.append(topic).append('.').append(e.getKey().substring(hash + 1)).append('.').append(e.getValue());
        }
        return sb.toString();
    }

    /** The position an id stands for, or empty when it is not one (a page never trusts it blindly either). */
    public static Optional<Position> decode(String id, List<String> topics) {
        if (id == null || id.isBlank() || id.length() > 4000) {
            return Optional.empty();
        }
        Map<String, Long> offsets = new HashMap<>();
        try {
            for (String part : id.trim().split("-")) {
                String[] f = part.split("\\.");
                if (f.length != 3) {
                    return Optional.empty();
                }
                int topic = Integer.parseInt(f[0]);
                if (topic < 0 || topic >= topics.size()) {
                    return Optional.empty();
                }
                offsets.put(key(topics.get(topic), Integer.parseInt(f[1])), Long.parseLong(f[2]));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new Position(offsets));
    }
}
