package io.vigie.alerting;

import io.vigie.alerting.oncall.Rotation;
import io.vigie.alerting.routing.Matcher;
import io.vigie.alerting.routing.QuietHours;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Refuses a wrong {@code alerting:} section at start, naming the key: unknown receivers, bad matchers,
 * overlapping rotation overrides, a missing secret, an e-mail receiver without SMTP… The error factory is
 * {@code ConfigDocument::error}, which adds the file's line.
 */
public final class AlertingConfigCheck {
    public static final Set<String> CHANNEL_TYPES = Set.of("webhook", "slack", "mattermost", "teams", "email", "sms");

    private final AlertingConfig c;
    private final BiFunction<String, String, RuntimeException> error;
    private final Set<String> receivers = new HashSet<>();
    private final Set<String> rotations = new HashSet<>();
    private final Set<String> escalations = new HashSet<>();

    private AlertingConfigCheck(AlertingConfig c, BiFunction<String, String, RuntimeException> error) {
        this.c = c;
        this.error = error;
    }

    /** Throws the first problem found, built by {@code error(key, problem)}. */
    public static void check(AlertingConfig config, BiFunction<String, String, RuntimeException> error) {
        new AlertingConfigCheck(config, error).run();
    }

    private void run() {
        if (!c.receivers().isEmpty() && (c.signingSecret() == null || c.signingSecret().length() < 16)) {
            throw error.apply("alerting.signingSecret",
                    "a secret of at least 16 characters is required; write ${VIGIE_ALERT_SECRET}");
        }
        if (!c.publicBaseUrl().startsWith("http://") && !c.publicBaseUrl().startsWith("https://")) {
            throw error.apply("alerting.publicBaseUrl", "must start with http:// or https://");
        }
        for (int i = 0; i < c.receivers().size(); i++) {
            receiver(c.receivers().get(i), "alerting.receivers[" + i + "]");
        }
        for (int i = 0; i < c.rotations().size(); i++) {
            rotation(c.rotations().get(i), "alerting.rotations[" + i + "]");
        }
        overridesAcrossRotations();
        for (int i = 0; i < c.escalations().size(); i++) {
            escalation(c.escalations().get(i), "alerting.escalations[" + i + "]");
        }
        if (c.defaultReceiver() != null && !receivers.contains(c.defaultReceiver())) {
            throw error.apply("alerting.defaultReceiver", "unknown receiver '" + c.defaultReceiver() + "'");
        }
        groupBy(c.timing().groupBy(), "alerting.timing.groupBy");
        for (int i = 0; i < c.routes().size(); i++) {
            route(c.routes().get(i), "alerting.routes[" + i + "]");
        }
        for (int i = 0; i < c.inhibitRules().size(); i++) {
            AlertingConfig.InhibitRule r = c.inhibitRules().get(i);
            matchers(r.source(), "alerting.inhibitRules[" + i + "].source");
            matchers(r.target(), "alerting.inhibitRules[" + i + "].target");
        }
        for (int i = 0; i < c.silences().size(); i++) {
            AlertingConfig.SilenceDefault s = c.silences().get(i);
            String key = "alerting.silences[" + i + "]";
            if (s.matchers() == null || s.matchers().isEmpty()) {
                throw error.apply(key + ".matchers", "at least one matcher is required");
            }
            matchers(s.matchers(), key + ".matchers");
            if (s.endsAt() == null) {
                throw error.apply(key + ".endsAt", "a silence always expires: endsAt is required");
            }
            if (s.startsAt() != null && !s.endsAt().isAfter(s.startsAt())) {
                throw error.apply(key + ".endsAt", "must be after startsAt");
            }
            if (s.author() == null || s.author().isBlank()) {
                throw error.apply(key + ".author", "who silenced it is required");
            }
            if (s.reason() == null || s.reason().isBlank()) {
                throw error.apply(key + ".reason", "why is required");
            }
        }
        if (c.receivers().stream().anyMatch(r -> "email".equals(r.type()))
                && (c.smtp() == null || c.smtp().host() == null || c.smtp().from() == null)) {
            throw error.apply("alerting.smtp", "an e-mail receiver needs smtp.host and smtp.from");
        }
        if (c.receivers().stream().anyMatch(r -> "sms".equals(r.type()))
                && (c.smsGateway() == null || c.smsGateway().url() == null)) {
            throw error.apply("alerting.smsGateway", "an sms receiver needs smsGateway.url");
        }
        if (c.smsGateway() != null && !Set.of("json", "url_param", "html", "text").contains(c.smsGateway().bodyEscape())) {
            throw error.apply("alerting.smsGateway.bodyEscape", "must be json, url_param, html or text");
        }
    }

    private void receiver(AlertingConfig.Receiver r, String key) {
        if (r.name() == null || r.name().isBlank()) {
            throw error.apply(key + ".name", "a receiver needs a name");
        }
        if (!receivers.add(r.name())) {
            throw error.apply(key + ".name", "receiver '" + r.name() + "' is defined twice");
        }
        if (r.type() == null || !CHANNEL_TYPES.contains(r.type())) {
            throw error.apply(key + ".type", "must be one of " + CHANNEL_TYPES.stream().sorted().toList());
        }
        boolean http = Set.of("webhook", "slack", "mattermost", "teams").contains(r.type());
        if (http && (r.url() == null || !r.url().matches("https?://.+"))) {
            throw error.apply(key + ".url", "an http(s) URL is required for a " + r.type() + " receiver");
        }
        if (Set.of("email", "sms").contains(r.type()) && r.to().isEmpty()) {
            throw error.apply(key + ".to", "at least one " + (r.type().equals("email") ? "address" : "number")
                    + " is required");
        }
        if (!Set.of("fr", "en").contains(r.language())) {
            throw error.apply(key + ".language", "must be fr or en");
        }
        try {
            ZoneId.of(r.timeZone());
        } catch (java.time.DateTimeException e) {
            throw error.apply(key + ".timeZone", "unknown time zone '" + r.timeZone() + "'");
        }
        if (r.quietHours() != null) {
            try {
                QuietHours.of(r.timeZone(), r.quietHours());
            } catch (IllegalArgumentException e) {
                throw error.apply(key + ".quietHours", e.getMessage());
            }
        }
    }

    private void rotation(AlertingConfig.Rotation r, String key) {
        if (r.name() == null || !rotations.add(r.name())) {
            throw error.apply(key + ".name", r.name() == null ? "a rotation needs a name"
                    : "rotation '" + r.name() + "' is defined twice");
        }
        if (r.participants().isEmpty()) {
            throw error.apply(key + ".participants", "at least one participant is required");
        }
        for (int i = 0; i < r.participants().size(); i++) {
            if (!receivers.contains(r.participants().get(i))) {
                throw error.apply(key + ".participants[" + i + "]",
                        "unknown receiver '" + r.participants().get(i) + "'");
            }
        }
        for (int i = 0; i < r.overrides().size(); i++) {
            if (!receivers.contains(r.overrides().get(i).receiver())) {
                throw error.apply(key + ".overrides[" + i + "].receiver",
                        "unknown receiver '" + r.overrides().get(i).receiver() + "'");
            }
        }
        try {
            Rotation.of(r);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            throw colon > 0 ? error.apply(key + "." + message.substring(0, colon), message.substring(colon + 2))
                    : error.apply(key, message);
        }
    }

    private void escalation(AlertingConfig.Escalation e, String key) {
        if (e.name() == null || !escalations.add(e.name())) {
            throw error.apply(key + ".name", e.name() == null ? "an escalation needs a name"
                    : "escalation '" + e.name() + "' is defined twice");
        }
        if (e.levels().isEmpty()) {
            throw error.apply(key + ".levels", "at least one level is required");
        }
        Duration previous = null;
        for (int i = 0; i < e.levels().size(); i++) {
            AlertingConfig.Level l = e.levels().get(i);
            String lk = key + ".levels[" + i + "]";
            if ((l.receiver() == null) == (l.rotation() == null)) {
                throw error.apply(lk, "give either receiver or rotation");
            }
            if (l.receiver() != null && !receivers.contains(l.receiver())) {
                throw error.apply(lk + ".receiver", "unknown receiver '" + l.receiver() + "'");
            }
            if (l.rotation() != null && !rotations.contains(l.rotation())) {
                throw error.apply(lk + ".rotation", "unknown rotation '" + l.rotation() + "'");
            }
            if (previous != null && l.after().compareTo(previous) <= 0) {
                throw error.apply(lk + ".after", "must be later than the previous level's (" + previous + ")");
            }
            previous = l.after();
        }
        levelsPageDifferentPeople(e, key);
    }

    /**
     * One person cannot stand in for two rotations at the same time: the second override would leave a hole the
     * first rotation's team believes covered (and the escalation of two levels would page the same person).
     */
    private void overridesAcrossRotations() {
        for (int j = 0; j < c.rotations().size(); j++) {
            AlertingConfig.Rotation later = c.rotations().get(j);
            for (int b = 0; b < later.overrides().size(); b++) {
                AlertingConfig.Override o = later.overrides().get(b);
                for (int i = 0; i < j; i++) {
                    AlertingConfig.Rotation earlier = c.rotations().get(i);
                    for (int a = 0; a < earlier.overrides().size(); a++) {
                        AlertingConfig.Override other = earlier.overrides().get(a);
                        if (o.receiver().equals(other.receiver()) && overlap(o, other)) {
                            throw error.apply("alerting.rotations[" + j + "].overrides[" + b + "]",
                                    "overlaps alerting.rotations[" + i + "].overrides[" + a + "]: " + o.receiver()
                                    + " would stand in for rotations '" + earlier.name() + "' and '"
                                    + later.name() + "' at once (" + later(o.from(), other.from()) + " → "
                                    + earlier(o.to(), other.to()) + ")");
                        }
                    }
                }
            }
        }
    }

    /**
     * Escalating pages someone else: two levels of one policy must never page the same person at the same time —
     * the same receiver or rotation twice, or a receiver who is in another level's rotation (two rotations whose
     * overrides put the same person on call at once are refused for every rotation, above).
     */
    private void levelsPageDifferentPeople(AlertingConfig.Escalation e, String key) {
        for (int j = 0; j < e.levels().size(); j++) {
            AlertingConfig.Level l = e.levels().get(j);
            String lk = key + ".levels[" + j + "]";
            for (int i = 0; i < j; i++) {
                AlertingConfig.Level k = e.levels().get(i);
                if (l.receiver() != null && l.receiver().equals(k.receiver())) {
                    throw error.apply(lk + ".receiver", l.receiver() + " is already paged at levels[" + i + "]");
                }
                if (l.rotation() != null && l.rotation().equals(k.rotation())) {
                    throw error.apply(lk + ".rotation", "rotation '" + l.rotation()
                            + "' is already paged at levels[" + i + "]");
                }
                String clash = samePerson(k, l);
                if (clash != null) {
                    throw error.apply(lk, "levels[" + i + "] and this level would page the same person: " + clash);
                }
            }
        }
    }

    /** Why two levels could page the same person at once, or null. */
    private String samePerson(AlertingConfig.Level a, AlertingConfig.Level b) {
        AlertingConfig.Rotation ra = rotationNamed(a.rotation());
        AlertingConfig.Rotation rb = rotationNamed(b.rotation());
        if (ra != null && b.receiver() != null) {
            return inRotation(ra, b.receiver());
        }
        if (rb != null && a.receiver() != null) {
            return inRotation(rb, a.receiver());
        }
        return null;
    }

    private static String inRotation(AlertingConfig.Rotation r, String receiver) {
        if (r.participants().contains(receiver)) {
            return receiver + " is a participant of rotation '" + r.name() + "'";
        }
        return r.overrides().stream().filter(o -> o.receiver().equals(receiver)).findFirst()
                .map(o -> receiver + " overrides rotation '" + r.name() + "' from " + o.from())
                .orElse(null);
    }

    private AlertingConfig.Rotation rotationNamed(String name) {
        return name == null ? null
                : c.rotations().stream().filter(r -> name.equals(r.name())).findFirst().orElse(null);
    }

    private static boolean overlap(AlertingConfig.Override x, AlertingConfig.Override y) {
        return x.from().isBefore(y.to()) && y.from().isBefore(x.to());
    }

    private static java.time.Instant later(java.time.Instant x, java.time.Instant y) {
        return x.isAfter(y) ? x : y;
    }

    private static java.time.Instant earlier(java.time.Instant x, java.time.Instant y) {
        return x.isBefore(y) ? x : y;
    }

    private void route(AlertingConfig.Route r, String key) {
        matchers(r.matchers(), key + ".matchers");
        groupBy(r.groupBy(), key + ".groupBy");
        if (r.receiver() != null && !receivers.contains(r.receiver())) {
            throw error.apply(key + ".receiver", "unknown receiver '" + r.receiver() + "'");
        }
        if (r.escalation() != null && !escalations.contains(r.escalation())) {
            throw error.apply(key + ".escalation", "unknown escalation '" + r.escalation() + "'");
        }
        for (int i = 0; i < r.routes().size(); i++) {
            route(r.routes().get(i), key + ".routes[" + i + "]");
        }
    }

    /** Incidents are grouped by what does not change during a crisis: brand and kind. */
    private void groupBy(List<String> labels, String key) {
        if (labels == null) {
            return;
        }
        for (int i = 0; i < labels.size(); i++) {
            if (!Set.of("brand", "kind").contains(labels.get(i))) {
                throw error.apply(key + "[" + i + "]", "'" + labels.get(i) + "' cannot group incidents: use brand "
                        + "and/or kind (an empty list puts all of a receiver's incidents in one group)");
            }
        }
    }

    private void matchers(List<String> matchers, String key) {
        for (int i = 0; i < matchers.size(); i++) {
            try {
                Matcher.parse(matchers.get(i));
            } catch (IllegalArgumentException e) {
                throw error.apply(key + "[" + i + "]", e.getMessage());
            }
        }
    }
}
