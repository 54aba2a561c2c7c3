package io.vigie.alerting.routing;

import io.vigie.model.Silence;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The silences known to this instance (from the config and the {@code silences} topic). Not thread-safe. */
public final class Silences {
    private final Map<String, Silence> byId = new LinkedHashMap<>();
    private final Map<String, List<Matcher>> matchers = new LinkedHashMap<>();

    public void put(Silence silence) {
        byId.put(silence.silenceId(), silence);
        matchers.put(silence.silenceId(), silence.matchers().stream().map(Matcher::parse).toList());
    }

    public void remove(String silenceId) {
        byId.remove(silenceId);
        matchers.remove(silenceId);
    }

    public Optional<Silence> get(String silenceId) {
        return Optional.ofNullable(byId.get(silenceId));
    }

    public Collection<Silence> all() {
        return List.copyOf(byId.values());
    }

    /** The active silence that mutes these labels now, if any. */
    public Optional<Silence> muting(Map<String, String> labels, Instant now) {
        for (Silence s : byId.values()) {
            if (s.activeAt(now) && Labels.allMatch(matchers.get(s.silenceId()), labels)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
