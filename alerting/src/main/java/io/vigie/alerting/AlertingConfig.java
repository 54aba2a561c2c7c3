package io.vigie.alerting;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code alerting:} section of the configuration file. Defaults are applied here; cross-references (a route
 * naming a receiver, a rotation naming its participants) are checked by {@link AlertingConfigCheck}.
 *
 * @param publicBaseUrl where people reach this alerting API; every acknowledge/resolve link starts with it
 * @param dashboardUrl the dashboard link in messages; {@code {brand}} is replaced by the brand id
 * @param signingSecret HMAC key of the signed links and of the webhook signature; put {@code ${VIGIE_ALERT_SECRET}}
 * @param routes evaluated in order under an implicit root whose receiver is {@code defaultReceiver}
 */
public record AlertingConfig(
        String publicBaseUrl,
        String dashboardUrl,
        String signingSecret,
        @JsonDeserialize(using = HumanDuration.class) Duration linkValidity,
        Api api,
        Incidents incidents,
        String defaultReceiver,
        Timing timing,
        List<Route> routes,
        List<Receiver> receivers,
        List<InhibitRule> inhibitRules,
        List<SilenceDefault> silences,
        List<Rotation> rotations,
        List<Escalation> escalations,
        Smtp smtp,
        SmsGateway smsGateway,
        Outbox outbox) {

    public AlertingConfig {
        publicBaseUrl = publicBaseUrl == null ? "http://localhost:8083" : publicBaseUrl.replaceAll("/+$", "");
        dashboardUrl = dashboardUrl == null ? publicBaseUrl + "/dashboards/{brand}" : dashboardUrl;
        linkValidity = linkValidity == null ? Duration.ofDays(3) : linkValidity;
        api = api == null ? new Api(null, null, null) : api;
        incidents = incidents == null ? new Incidents(null, null, null, null, null) : incidents;
        timing = timing == null ? new Timing(null, null, null, null) : timing;
        routes = routes == null ? List.of() : List.copyOf(routes);
        receivers = receivers == null ? List.of() : List.copyOf(receivers);
        inhibitRules = inhibitRules == null ? List.of(InhibitRule.CRITICAL_MUTES_LOWER) : List.copyOf(inhibitRules);
        silences = silences == null ? List.of() : List.copyOf(silences);
        rotations = rotations == null ? List.of() : List.copyOf(rotations);
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
        outbox = outbox == null ? new Outbox(null, null, null, null, null) : outbox;
    }

    /** No receiver at all: the stage starts, refuses nothing, and logs that alerts go nowhere. */
    public static AlertingConfig defaults() {
        return new AlertingConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** @param token when set, the JSON API requires {@code Authorization: Bearer <token>} */
    public record Api(String host, Integer port, String token) {
        public Api {
            host = host == null ? "0.0.0.0" : host;
            port = port == null ? 8083 : port;
        }
    }

    /**
     * @param groupWindow a signal of the same brand and kind within this time after an automatic resolution
     *     reopens that incident instead of opening a new one
     * @param updateFactor the observed/expected ratio must change by this factor to be worth an update message
     * @param resolveAfter once every signal of an incident ended, how long it must stay quiet to be resolved
     * @param staleAfter an incident without any signal for this long is resolved (the detector went silent)
     */
    public record Incidents(
            @JsonDeserialize(using = HumanDuration.class) Duration groupWindow,
            Double updateFactor,
            @JsonDeserialize(using = HumanDuration.class) Duration resolveAfter,
            @JsonDeserialize(using = HumanDuration.class) Duration staleAfter,
            SeverityRule severity) {
        public Incidents {
            groupWindow = groupWindow == null ? Duration.ofMinutes(30) : groupWindow;
            updateFactor = updateFactor == null ? 1.5 : updateFactor;
            if (updateFactor <= 1) {
                throw new IllegalArgumentException("updateFactor must be above 1, got " + updateFactor);
            }
            resolveAfter = resolveAfter == null ? Duration.ofMinutes(10) : resolveAfter;
            staleAfter = staleAfter == null ? Duration.ofHours(6) : staleAfter;
            severity = severity == null ? new SeverityRule(null, null, null, null, null) : severity;
        }
    }

    /**
     * Severity from magnitude (observed/expected), negativity (negative kinds count more) and reach.
     *
     * @param reachCritical an observed value of a REACH or ITEM_VIRALITY signal at least this big is critical
     */
    public record SeverityRule(
            Double warningRatio, Double criticalRatio, Double negativeCriticalRatio, Double criticalAnomalyScore,
            Double reachCritical) {
        public SeverityRule {
            warningRatio = warningRatio == null ? 2.0 : warningRatio;
            criticalRatio = criticalRatio == null ? 6.0 : criticalRatio;
            negativeCriticalRatio = negativeCriticalRatio == null ? 3.0 : negativeCriticalRatio;
            criticalAnomalyScore = criticalAnomalyScore == null ? 0.9999 : criticalAnomalyScore;
            reachCritical = reachCritical == null ? 1_000_000.0 : reachCritical;
        }
    }

    /**
     * Alertmanager's grouping and three timers; a route inherits the ones it does not set from its parent.
     *
     * @param groupBy the labels (brand, kind) whose incidents go out together in one message per receiver:
     *     by default {@code [brand]}, so a crisis that raises several kinds pages once
     * @param groupWait how long a new group waits for its other incidents before its first message: 0 s by default,
     *     because the first page of a crisis must not wait (the kinds raised in the same signal batch still share it,
     *     and later ones are batched at {@code groupInterval}); set e.g. 30 s for fewer, later pages
     */
    public record Timing(
            List<String> groupBy,
            @JsonDeserialize(using = HumanDuration.class) Duration groupWait,
            @JsonDeserialize(using = HumanDuration.class) Duration groupInterval,
            @JsonDeserialize(using = HumanDuration.class) Duration repeatInterval) {
        public Timing {
            groupBy = groupBy == null ? List.of("brand") : List.copyOf(groupBy);
            groupWait = groupWait == null ? Duration.ZERO : groupWait;
            groupInterval = groupInterval == null ? Duration.ofMinutes(5) : groupInterval;
            repeatInterval = repeatInterval == null ? Duration.ofHours(4) : repeatInterval;
        }
    }

    /**
     * @param matchers all must match: {@code brand="acme"}, {@code kind=~"NEGATIVE_.*"}, {@code severity!="info"}
     * @param receiver who gets it (may be left out when {@code escalation} is set)
     * @param escalation an escalation policy name: its levels page the on-call people
     * @param continueMatching keep looking at the next sibling routes after this one matched
     */
    public record Route(
            List<String> matchers,
            String receiver,
            String escalation,
            @com.fasterxml.jackson.annotation.JsonProperty("continue") Boolean continueMatching,
            List<String> groupBy,
            @JsonDeserialize(using = HumanDuration.class) Duration groupWait,
            @JsonDeserialize(using = HumanDuration.class) Duration groupInterval,
            @JsonDeserialize(using = HumanDuration.class) Duration repeatInterval,
            List<Route> routes) {
        public Route {
            matchers = matchers == null ? List.of() : List.copyOf(matchers);
            continueMatching = continueMatching != null && continueMatching;
            routes = routes == null ? List.of() : List.copyOf(routes);
        }
    }

    /**
     * One destination. {@code type} is webhook, slack, mattermost, teams, email or sms.
     *
     * @param url webhook/Slack/Mattermost/Teams URL
     * @param to e-mail addresses, or the phone number(s) for SMS
     * @param language fr or en
     * @param timeZone for quiet hours and the times in messages
     * @param secret the webhook's HMAC key; defaults to the alerting signing secret
     */
    public record Receiver(
            String name,
            String type,
            String url,
            List<String> to,
            String language,
            String timeZone,
            QuietHours quietHours,
            String secret,
            Map<String, String> headers,
            @JsonDeserialize(using = HumanDuration.class) Duration timeout) {
        public Receiver {
            to = to == null ? List.of() : List.copyOf(to);
            language = language == null ? "en" : language;
            timeZone = timeZone == null ? "UTC" : timeZone;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }

    /** @param from start, "22:00"; @param to end, "07:00" (may be the next day); @param days MONDAY… (all when empty) */
    public record QuietHours(String from, String to, List<String> days) {
        public QuietHours {
            days = days == null ? List.of() : List.copyOf(days);
        }
    }

    /** While a source incident matches, target incidents with the same {@code equal} labels are muted. */
    public record InhibitRule(List<String> source, List<String> target, List<String> equal) {
        public static final InhibitRule CRITICAL_MUTES_LOWER = new InhibitRule(
                List.of("severity=\"CRITICAL\""), List.of("severity=~\"INFO|WARNING\""), List.of("brand"));

        public InhibitRule {
            source = source == null ? List.of() : List.copyOf(source);
            target = target == null ? List.of() : List.copyOf(target);
            equal = equal == null ? List.of("brand") : List.copyOf(equal);
        }
    }

    /** A silence present from the start, e.g. a planned campaign. */
    public record SilenceDefault(List<String> matchers, Instant startsAt, Instant endsAt, String author, String reason) {}

    /**
     * A weekly rotation: participants take turns, one week each, handing off at {@code handoffDay}
     * {@code handoffTime} in {@code timeZone}, starting with the first participant at {@code start}.
     */
    public record Rotation(
            String name,
            String timeZone,
            String handoffDay,
            String handoffTime,
            String start,
            List<String> participants,
            List<Override> overrides) {
        public Rotation {
            timeZone = timeZone == null ? "UTC" : timeZone;
            handoffDay = handoffDay == null ? "MONDAY" : handoffDay;
            handoffTime = handoffTime == null ? "09:00" : handoffTime;
            participants = participants == null ? List.of() : List.copyOf(participants);
            overrides = overrides == null ? List.of() : List.copyOf(overrides);
        }
    }

    /** Someone else on call for a while (holidays, swaps). */
    public record Override(String receiver, Instant from, Instant to) {}

    /** Levels paged one after the other while nobody acknowledges. */
    public record Escalation(String name, List<Level> levels) {
        public Escalation {
            levels = levels == null ? List.of() : List.copyOf(levels);
        }
    }

    /** Paged {@code after} the incident opened unless acknowledged; targets a receiver or a rotation's on-call. */
    public record Level(
            @JsonDeserialize(using = HumanDuration.class) Duration after, String receiver, String rotation) {
        public Level {
            after = after == null ? Duration.ZERO : after;
        }
    }

    public record Smtp(String host, Integer port, String username, String password, String from, Boolean startTls,
            @JsonDeserialize(using = HumanDuration.class) Duration timeout) {
        public Smtp {
            port = port == null ? 25 : port;
            startTls = startTls != null && startTls;
            timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        }
    }

    /**
     * An HTTP SMS gateway. {@code url} and {@code body} are Pebble templates with {@code to} and {@code text};
     * values are escaped for a URL in {@code url} and per {@code bodyEscape} (json, url_param or html) in the body.
     */
    public record SmsGateway(String url, String method, String body, String bodyEscape, String contentType,
            Map<String, String> headers) {
        public SmsGateway {
            method = method == null ? "POST" : method.toUpperCase();
            bodyEscape = bodyEscape == null ? "json" : bodyEscape;
            contentType = contentType == null ? "application/json" : contentType;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /**
     * Delivery retries. Backoff doubles from {@code initialBackoff} up to {@code maxBackoff}, each wait spread by
     * ±{@code jitter}; after {@code maxAttempts} the notification is marked FAILED (kept on the topic, logged and
     * listed by the API).
     */
    public record Outbox(Integer maxAttempts,
            @JsonDeserialize(using = HumanDuration.class) Duration initialBackoff,
            @JsonDeserialize(using = HumanDuration.class) Duration maxBackoff,
            Double jitter,
            Integer parallelism) {
        public Outbox {
            maxAttempts = maxAttempts == null ? 30 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
            jitter = jitter == null ? 0.2 : jitter;
            parallelism = parallelism == null ? 8 : parallelism;
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            if (jitter < 0 || jitter >= 1) {
                throw new IllegalArgumentException("jitter must be in [0, 1)");
            }
        }
    }
}
