package io.vigie.alerting.routing;

import io.vigie.model.IncidentEvent;
import java.util.List;
import java.util.Map;

/** The labels of an incident that matchers, inhibition and silences look at. */
public final class Labels {
    public static final List<String> KNOWN = List.of("brand", "kind", "severity", "status");

    private Labels() {}

    public static Map<String, String> of(IncidentEvent incident) {
        return Map.of(
                "brand", incident.brand(),
                "kind", incident.kind().name(),
                "severity", incident.severity().name(),
                "status", incident.status().name());
    }

    public static boolean allMatch(List<Matcher> matchers, Map<String, String> labels) {
        for (Matcher m : matchers) {
            if (!m.matches(labels)) {
                return false;
            }
        }
        return true;
    }
}
