package io.vigie.alerting.incidents;

import io.vigie.alerting.AlertingConfig.SeverityRule;
import io.vigie.model.Direction;
import io.vigie.model.Severity;
import io.vigie.model.SignalKind;
import io.vigie.model.SpikeSignal;

/** Severity of one signal from its magnitude (observed/expected), its negativity and its reach. */
public final class SeverityScale {
    private final SeverityRule rule;

    public SeverityScale(SeverityRule rule) {
        this.rule = rule;
    }

    public static boolean negative(SignalKind kind) {
        return kind == SignalKind.NEGATIVE_VOLUME || kind == SignalKind.NEGATIVE_SHARE;
    }

    static boolean reach(SignalKind kind) {
        return kind == SignalKind.REACH || kind == SignalKind.ITEM_VIRALITY;
    }

    public Severity of(SpikeSignal s) {
        boolean negative = negative(s.kind());
        if (s.direction() == Direction.FALL) {
            // Fewer negative mentions is good news; a brand falling silent (site down, campaign stopped) is worth
            // a look but never a page at night.
            double fall = s.observed() <= 0 ? Double.POSITIVE_INFINITY : s.expected() / s.observed();
            return !negative && fall >= rule.warningRatio() ? Severity.WARNING : Severity.INFO;
        }
        double ratio = s.ratio();
        if (ratio >= rule.criticalRatio()
                || negative && ratio >= rule.negativeCriticalRatio()
                || negative && s.anomalyScore() >= rule.criticalAnomalyScore()
                || reach(s.kind()) && s.observed() >= rule.reachCritical()) {
            return Severity.CRITICAL;
        }
        if (ratio >= rule.warningRatio() || negative) {
            return Severity.WARNING;
        }
        return Severity.INFO;
    }
}
