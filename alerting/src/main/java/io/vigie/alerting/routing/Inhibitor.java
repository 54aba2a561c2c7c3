package io.vigie.alerting.routing;

import io.vigie.alerting.AlertingConfig;
import io.vigie.model.IncidentEvent;
import io.vigie.model.IncidentStatus;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alertmanager's inhibition: while an unresolved incident matches a rule's source, incidents matching its target
 * that share the {@code equal} labels are muted. The default rule: a critical incident of a brand mutes its
 * warnings and infos, so on-call staff get the one page that matters.
 */
public final class Inhibitor {
    private record Rule(List<Matcher> source, List<Matcher> target, List<String> equal) {}

    private final List<Rule> rules;

    public Inhibitor(List<AlertingConfig.InhibitRule> config) {
        this.rules = config.stream()
                .map(r -> new Rule(r.source().stream().map(Matcher::parse).toList(),
                        r.target().stream().map(Matcher::parse).toList(), r.equal()))
                .toList();
    }

    /** The incident that inhibits {@code target}, if one does. */
    public Optional<IncidentEvent> inhibitor(IncidentEvent target, Collection<IncidentEvent> incidents) {
        Map<String, String> targetLabels = Labels.of(target);
        for (Rule rule : rules) {
            if (!Labels.allMatch(rule.target(), targetLabels)) {
                continue;
            }
            for (IncidentEvent source : incidents) {
                if (source.incidentId().equals(target.incidentId()) || source.status() == IncidentStatus.RESOLVED) {
                    continue;
                }
                Map<String, String> sourceLabels = Labels.of(source);
                if (Labels.allMatch(rule.source(), sourceLabels) && rule.equal().stream()
                        .allMatch(l -> sourceLabels.getOrDefault(l, "").equals(targetLabels.getOrDefault(l, "")))) {
                    return Optional.of(source);
                }
            }
        }
        return Optional.empty();
    }
}
