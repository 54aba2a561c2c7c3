package io.vigie.alerting.oncall;

import io.vigie.alerting.AlertingConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Levels paged one after another while an incident stays unacknowledged: level 0 when it opens, level 1
 * {@code after} N minutes, and so on. A level targets a receiver, or whoever a rotation has on call at that time.
 */
public final class EscalationPolicy {
    /** One level, resolved to a target. */
    public record Level(int index, Duration after, String receiver, String rotation) {}

    private final String name;
    private final List<Level> levels;
    private final Map<String, Rotation> rotations;

    public EscalationPolicy(String name, List<Level> levels, Map<String, Rotation> rotations) {
        this.name = name;
        this.levels = List.copyOf(levels);
        this.rotations = rotations;
    }

    public static EscalationPolicy of(AlertingConfig.Escalation e, Map<String, Rotation> rotations) {
        List<Level> levels = new java.util.ArrayList<>();
        for (int i = 0; i < e.levels().size(); i++) {
            AlertingConfig.Level l = e.levels().get(i);
            levels.add(new Level(i, l.after(), l.receiver(), l.rotation()));
        }
        return new EscalationPolicy(e.name(), levels, rotations);
    }

    public String name() {
        return name;
    }

    public List<Level> levels() {
        return levels;
    }

    /** The receiver paged for a level at a time: the level's receiver, or its rotation's on-call person. */
    public String target(Level level, Instant at) {
        return level.receiver() != null ? level.receiver() : rotations.get(level.rotation()).onCall(at);
    }
}
