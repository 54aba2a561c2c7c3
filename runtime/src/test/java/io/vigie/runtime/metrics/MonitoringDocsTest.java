package io.vigie.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vigie.runtime.testdata.TestData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/grafana-dashboard.json and docs/prometheus-alerts.yml parse, and every metric they query is one a Vigie
 * process exports: each meter kind is recorded once, the registry scraped, and the names compared.
 */
class MonitoringDocsTest {
    private static final Pattern METRIC = Pattern.compile("\\b((?:vigie|jvm|process|system)_[a-z0-9_]+)\\b");

    private static Set<String> exportedNames() {
        try (Telemetry telemetry = new Telemetry("test-1");
                OperationsServer ops = OperationsServer.start("127.0.0.1", 0, telemetry,
                        List.of(new ReadinessCheck("services", () -> true)), Clock.systemUTC())) {
            StageMetrics m = new StageMetrics(telemetry.registry(), "ingest");
            m.mentionsIn(1);
            m.mentionsOut(1);
            m.deadLetter("unreadable feed: x");
            m.feedPolled(false);
            m.gauge(MetricNames.FEEDS, "feeds", "state", "failing", () -> 0);
            m.notification("webhook", "retryable");
            m.bulk(false, Duration.ofMillis(3));
            m.hop("fetched-raw", Instant.EPOCH, Instant.EPOCH.plusMillis(5));
            // Registered by the dashboards stage on its live hub.
            io.micrometer.core.instrument.Gauge.builder(MetricNames.SSE_CLIENTS, () -> 0).register(telemetry.registry());
            Set<String> names = new TreeSet<>();
            for (String line : telemetry.scrape().lines().toList()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    names.add(line.split("[{ ]", 2)[0]);
                }
            }
            return names;
        }
    }

    private static List<String> referenced(List<String> expressions) {
        List<String> names = new ArrayList<>();
        for (String e : expressions) {
            Matcher m = METRIC.matcher(e);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void theGrafanaDashboardQueriesOnlyExportedMetrics() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(TestData.repositoryPath("docs/grafana-dashboard.json").toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.get("panels").forEach(p -> p.get("targets").forEach(t -> expressions.add(t.get("expr").asText())));
        assertTrue(expressions.size() >= 10, "panels with queries: " + expressions);
        Set<String> exported = exportedNames();
        List<String> missing = referenced(expressions).stream().filter(n -> !exported.contains(n)).toList();
        assertEquals(List.of(), missing, "queried but not exported; exported: " + exported);
    }

    @Test
    void theAlertRulesParseAndQueryOnlyExportedMetrics() throws Exception {
        JsonNode rules = new YAMLMapper().readTree(TestData.repositoryPath("docs/prometheus-alerts.yml").toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                assertFalse(rule.path("alert").asText().isBlank(), "every rule is an alert: " + rule);
                assertTrue(rule.path("annotations").has("summary"), "every alert has a summary: " + rule);
                expressions.add(rule.get("expr").asText());
            }
        }
        assertTrue(expressions.size() >= 5, expressions.toString());
        Set<String> exported = exportedNames();
        List<String> missing = referenced(expressions).stream().filter(n -> !exported.contains(n)).toList();
        assertEquals(List.of(), missing, "alerted on but not exported; exported: " + exported);
    }
}
