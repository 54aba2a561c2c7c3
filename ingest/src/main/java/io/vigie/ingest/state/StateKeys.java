package io.vigie.ingest.state;

import io.vigie.ingest.identity.CanonicalUrl;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Keys of {@code ingest.state} and the partition of a feed. Both records of a feed (its source definition and its
 * poll state) go to the partition of the feed's canonical URL, so the instance owning that partition sees both.
 */
public final class StateKeys {
    public static final String SOURCE_PREFIX = "source|";
    public static final String FEED_PREFIX = "feed|";
    /**
     * A push notification that the feed changed (WebSub or a ping), written by whichever instance received it, so
     * the instance that owns the feed polls it now. A tombstone: nothing to keep, compaction removes it.
     */
    public static final String CHANGED_PREFIX = "changed|";

    private StateKeys() {}

    public static String feedKey(String url) {
        return url.startsWith("feed|") ? url : FEED_PREFIX + CanonicalUrl.of(url);
    }

    public static String sourceKey(String url) {
        return SOURCE_PREFIX + CanonicalUrl.of(url);
    }

    public static String changedKey(String url) {
        return CHANGED_PREFIX + CanonicalUrl.of(url);
    }

    /** The feed URL a key is about. */
    public static String urlOf(String key) {
        int bar = key.indexOf('|');
        return bar < 0 ? key : key.substring(bar + 1);
    }

    /** Same hash as Kafka's default partitioner, applied to the canonical URL rather than to the whole key. */
    public static int partitionOf(String url, int partitions) {
        byte[] bytes = CanonicalUrl.of(url).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(bytes)) % partitions;
    }
}
