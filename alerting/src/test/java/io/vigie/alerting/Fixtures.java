package io.vigie.alerting;

import io.vigie.alerting.owner.AlertSink;
import io.vigie.alerting.owner.IncidentRouter;

import io.vigie.alerting.incidents.IncidentTracker;
import io.vigie.alerting.routing.Silences;
import io.vigie.model.IncidentEvent;
import io.vigie.model.Notification;
import io.vigie.model.Silence;
import io.vigie.runtime.config.ConfigDocument;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A realistic alerting configuration and an incident router writing into memory. */
public final class Fixtures {
    public static final String YAML = """
            alerting:
              publicBaseUrl: https://vigie.example.org
              signingSecret: ${VIGIE_ALERT_SECRET}
              defaultReceiver: ops-webhook
              timing:
                groupWait: 30s
                groupInterval: 5m
                repeatInterval: 4h
              incidents:
                groupWindow: 30m
                updateFactor: 1.5
                resolveAfter: 10m
                staleAfter: 12h
              receivers:
                - name: ops-webhook
                  type: webhook
                  url: https://hooks.example.org/vigie
                - name: crisis-slack
                  type: slack
                  url: https://hooks.slack.example/T000/B000/XXX
                  language: fr
                  timeZone: Europe/Paris
                  quietHours: {from: "22:00", to: "07:00"}
                - name: alice-sms
                  type: sms
                  to: ["+33600000001"]
                  language: fr
                  timeZone: Europe/Paris
                - name: bob-sms
                  type: sms
                  to: ["+33600000002"]
                - name: manager-mail
                  type: email
                  to: ["manager@example.org"]
              rotations:
                - name: primary
                  timeZone: Europe/Paris
                  handoffDay: MONDAY
                  handoffTime: "09:00"
                  start: "2026-11-09"
                  participants: [alice-sms, bob-sms]
              escalations:
                - name: crisis
                  levels:
                    - {after: 0m, rotation: primary}
                    - {after: 15m, receiver: manager-mail}
              routes:
                - matchers: ['brand="kryptonite"']
                  receiver: crisis-slack
                  escalation: crisis
                  routes:
                    - matchers: ['severity="INFO"']
                      receiver: ops-webhook
              smtp: {host: localhost, port: 2525, from: vigie@example.org}
              smsGateway:
                url: "https://sms.example/send?to={{ to }}"
                body: '{"text": "{{ text }}"}'
            """;

    private Fixtures() {}

    public static ConfigDocument document(String yaml) {
        return ConfigDocument.parse(yaml, "alerting.yaml",
                Map.of("VIGIE_ALERT_SECRET", "a-test-secret-of-enough-length")::get);
    }

    public static AlertingConfig config(String yaml) {
        ConfigDocument doc = document(yaml);
        AlertingConfig config = doc.bind("alerting", AlertingConfig.class, AlertingConfig.defaults());
        AlertingConfigCheck.check(config, doc::error);
        return config;
    }

    /** Writes into lists instead of topics. */
    public static final class MemorySink implements AlertSink {
        public final List<IncidentEvent> incidents = new ArrayList<>();
        public final List<Notification> notifications = new ArrayList<>();
        public final List<Silence> silences = new ArrayList<>();
        public final List<io.vigie.model.IncidentCommand> answers = new ArrayList<>();

        @Override
        public void incident(IncidentEvent incident) {
            incidents.add(incident);
        }

        @Override
        public void notification(Notification notification) {
            notifications.add(notification);
        }

        @Override
        public void answer(io.vigie.model.IncidentCommand answer) {
            answers.add(answer);
        }

        @Override
        public void silence(String silenceId, Silence silence) {
            silences.add(silence);
        }

        @Override
        public void flush() {}

        public List<String> sent() {
            return notifications.stream().map(n -> n.receiver() + ":" + n.reason()).toList();
        }
    }

    public static IncidentRouter router(AlertingConfig config, MemorySink sink, Clock clock) {
        Silences silences = Alerting.defaultSilences(config, clock);
        return new IncidentRouter(new IncidentTracker(config.incidents()), Alerting.planner(config, silences),
                silences, sink, clock);
    }
}
