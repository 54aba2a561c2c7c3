package io.vigie.alerting;

import io.vigie.alerting.desk.ClusterDesk;
import io.vigie.alerting.desk.IncidentDesk;
import io.vigie.alerting.desk.IncidentFollower;
import io.vigie.alerting.owner.IncidentRouter;
import io.vigie.alerting.owner.KafkaAlertSink;
import io.vigie.alerting.owner.SignalService;

import io.vigie.runtime.metrics.StageMetrics;
import io.vigie.alerting.api.AlertingApi;
import io.vigie.alerting.api.SignedLinks;
import io.vigie.alerting.channels.Channel;
import io.vigie.alerting.channels.ChatChannel;
import io.vigie.alerting.channels.EmailChannel;
import io.vigie.alerting.channels.HttpPost;
import io.vigie.alerting.channels.MeteredChannel;
import io.vigie.alerting.channels.SmsChannel;
import io.vigie.alerting.channels.TeamsChannel;
import io.vigie.alerting.channels.WebhookChannel;
import io.vigie.alerting.incidents.IncidentTracker;
import io.vigie.alerting.messages.MessageRenderer;
import io.vigie.alerting.messages.RecentMentions;
import io.vigie.alerting.oncall.EscalationPolicy;
import io.vigie.alerting.oncall.Rotation;
import io.vigie.alerting.outbox.Backoff;
import io.vigie.alerting.outbox.Delivery;
import io.vigie.alerting.outbox.OutboxDispatcher;
import io.vigie.alerting.routing.Inhibitor;
import io.vigie.alerting.routing.NotificationPlanner;
import io.vigie.alerting.routing.QuietHours;
import io.vigie.alerting.routing.RouteTree;
import io.vigie.alerting.routing.Silences;
import io.vigie.model.Silence;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.VigieService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The alerting stage put together from a checked configuration: the services to start, and handles on the parts
 * that tests and the benchmark look at.
 */
public final class Alerting {
    private final IncidentRouter router;
    private final SignalService signals;
    private final OutboxDispatcher outbox;
    private final AlertingApi api;
    private final RecentMentions mentions;
    private final IncidentFollower follower;
    private final ClusterDesk desk;

    private Alerting(IncidentRouter router, SignalService signals, OutboxDispatcher outbox, AlertingApi api,
            RecentMentions mentions, IncidentFollower follower, ClusterDesk desk) {
        this.router = router;
        this.signals = signals;
        this.outbox = outbox;
        this.api = api;
        this.mentions = mentions;
        this.follower = follower;
        this.desk = desk;
    }

    /**
     * Builds every part. {@code groupPrefix} names the consumer groups ({@code <prefix>-signals},
     * {@code <prefix>-outbox}) and the transactional id of the owner's writes ({@code <prefix>-owner-<random>});
     * production uses "vigie-alerting".
     */
    public static Alerting build(AlertingConfig config, KafkaConnection kafka, Clock clock, String groupPrefix,
            Duration tickInterval) {
        return build(config, kafka, clock, groupPrefix, tickInterval,
                new StageMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), "alerting"));
    }

    /** As above, recording notifications by channel and outcome in {@code metrics}. */
    public static Alerting build(AlertingConfig config, KafkaConnection kafka, Clock clock, String groupPrefix,
            Duration tickInterval, StageMetrics metrics) {
        Map<String, AlertingConfig.Receiver> receivers = new LinkedHashMap<>();
        config.receivers().forEach(r -> receivers.put(r.name(), r));
        Silences silences = defaultSilences(config, clock);
        NotificationPlanner planner = planner(config, silences);
        KafkaAlertSink sink = new KafkaAlertSink(kafka, groupPrefix + "-owner-" + UUID.randomUUID());
        IncidentRouter router = new IncidentRouter(new IncidentTracker(config.incidents()), planner, silences, sink,
                clock);
        // Without receivers no link is ever sent, so a random secret is enough (the check demands one otherwise).
        String secret = config.signingSecret() != null ? config.signingSecret()
                : UUID.randomUUID() + "-" + UUID.randomUUID();
        SignedLinks links = new SignedLinks(config.publicBaseUrl(), secret, config.linkValidity(), clock);
        RecentMentions mentions = new RecentMentions(kafka, 50_000, Duration.ofHours(6), clock);
        MessageRenderer renderer = new MessageRenderer(config, links, mentions);
        HttpPost http = new HttpPost();
        Map<String, Channel> channels = new LinkedHashMap<>();
        channels.put("webhook", new WebhookChannel(renderer, http, secret, clock));
        channels.put("slack", new ChatChannel(renderer, http, false));
        channels.put("mattermost", new ChatChannel(renderer, http, true));
        channels.put("teams", new TeamsChannel(renderer, http));
        if (config.smtp() != null && config.smtp().host() != null) {
            channels.put("email", new EmailChannel(renderer, config.smtp()));
        }
        if (config.smsGateway() != null && config.smsGateway().url() != null) {
            channels.put("sms", new SmsChannel(renderer, http, config.smsGateway()));
        }
        channels.replaceAll((name, channel) -> new MeteredChannel(channel, name, metrics, clock));
        AlertingConfig.Outbox o = config.outbox();
        Delivery delivery = new Delivery(receivers, channels, new Backoff(o, new Random()), o.maxAttempts(), clock);
        OutboxDispatcher outbox = new OutboxDispatcher(kafka, groupPrefix + "-outbox", delivery, o.parallelism(),
                clock, metrics);
        IncidentFollower follower = new IncidentFollower(kafka, router::restoreSilence, clock);
        SignalService signals = new SignalService(kafka, groupPrefix + "-signals", router, follower, sink,
                tickInterval, clock, metrics);
        ClusterDesk desk = new ClusterDesk(kafka, follower, router, clock);
        AlertingApi api = new AlertingApi(config, desk, links, renderer, () -> outbox, clock);
        return new Alerting(router, signals, outbox, api, mentions, follower, desk);
    }

    /** The planner of a checked configuration, with the given silences. */
    public static NotificationPlanner planner(AlertingConfig config, Silences silences) {
        Map<String, AlertingConfig.Receiver> receivers = new LinkedHashMap<>();
        config.receivers().forEach(r -> receivers.put(r.name(), r));
        Map<String, QuietHours> quiet = new LinkedHashMap<>();
        for (AlertingConfig.Receiver r : config.receivers()) {
            if (r.quietHours() != null) {
                quiet.put(r.name(), QuietHours.of(r.timeZone(), r.quietHours()));
            }
        }
        Map<String, Rotation> rotations = new LinkedHashMap<>();
        config.rotations().forEach(r -> rotations.put(r.name(), Rotation.of(r)));
        Map<String, EscalationPolicy> escalations = new LinkedHashMap<>();
        config.escalations().forEach(e -> escalations.put(e.name(), EscalationPolicy.of(e, rotations)));
        return new NotificationPlanner(RouteTree.of(config), silences, new Inhibitor(config.inhibitRules()),
                receivers, quiet, escalations, config.incidents().updateFactor());
    }

    /** The silences written in the configuration. */
    public static Silences defaultSilences(AlertingConfig config, Clock clock) {
        Silences silences = new Silences();
        for (AlertingConfig.SilenceDefault s : config.silences()) {
            Instant starts = s.startsAt() == null ? clock.instant() : s.startsAt();
            String id = "cfg-" + UUID.nameUUIDFromBytes((s.matchers() + "|" + starts + "|" + s.endsAt())
                    .getBytes(StandardCharsets.UTF_8));
            silences.put(new Silence(0, id, s.matchers(), starts, s.endsAt(), s.author(), s.reason(), starts));
        }
        return silences;
    }

    /**
     * In start order: mentions first (messages look them up), the follower (the owner rebuilds from it), the
     * outbox, the owner of signals and actions, then the API. Stopped in reverse order.
     */
    public List<VigieService> services() {
        VigieService deskCloser = new VigieService() {
            @Override
            public String name() {
                return "alerting-desk";
            }

            @Override
            public void start() {}

            @Override
            public void close() {
                desk.close();
            }
        };
        return List.of(mentions, follower, outbox, signals, deskCloser, api);
    }

    public IncidentFollower follower() {
        return follower;
    }

    public IncidentDesk desk() {
        return desk;
    }

    public IncidentRouter router() {
        return router;
    }

    public SignalService signals() {
        return signals;
    }

    public OutboxDispatcher outbox() {
        return outbox;
    }

    public AlertingApi api() {
        return api;
    }
}
