package io.vigie.alerting.routing;

import io.vigie.alerting.AlertingConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The routing tree of Alertmanager: an incident walks down from the root; at each level the first child route
 * whose matchers all match takes it (the following siblings too when that child says {@code continue}); a route
 * with no matching child delivers to its own receiver. Timers are inherited from the parent when not set.
 */
public final class RouteTree {
    private final Node root;

    /** Where an incident goes and on which timers. */
    public record Destination(String receiver, String escalation, Timers timers, String path) {}

    /** The grouping labels and timers in force on a route. */
    public record Timers(List<String> groupBy, Duration groupWait, Duration groupInterval, Duration repeatInterval) {}

    private record Node(List<Matcher> matchers, String receiver, String escalation, boolean continueMatching,
            Timers timers, List<Node> children, String path) {}

    private RouteTree(Node root) {
        this.root = root;
    }

    /** Builds the tree; matchers are assumed valid (checked by the config check, which names the key). */
    public static RouteTree of(AlertingConfig config) {
        AlertingConfig.Timing t = config.timing();
        Timers rootTimers = new Timers(t.groupBy(), t.groupWait(), t.groupInterval(), t.repeatInterval());
        List<Node> children = new ArrayList<>();
        for (int i = 0; i < config.routes().size(); i++) {
            children.add(node(config.routes().get(i), config.defaultReceiver(), null, rootTimers,
                    "alerting.routes[" + i + "]"));
        }
        return new RouteTree(new Node(List.of(), config.defaultReceiver(), null, false, rootTimers, children,
                "alerting"));
    }

    private static Node node(AlertingConfig.Route r, String parentReceiver, String parentEscalation, Timers parent,
            String path) {
        Timers timers = new Timers(
                r.groupBy() == null ? parent.groupBy() : List.copyOf(r.groupBy()),
                r.groupWait() == null ? parent.groupWait() : r.groupWait(),
                r.groupInterval() == null ? parent.groupInterval() : r.groupInterval(),
                r.repeatInterval() == null ? parent.repeatInterval() : r.repeatInterval());
        // A route that names neither receiver nor escalation inherits both, as in Alertmanager.
        boolean own = r.receiver() != null || r.escalation() != null;
        String receiver = own ? r.receiver() : parentReceiver;
        String escalation = own ? r.escalation() : parentEscalation;
        List<Node> children = new ArrayList<>();
        for (int i = 0; i < r.routes().size(); i++) {
            children.add(node(r.routes().get(i), receiver, escalation, timers, path + ".routes[" + i + "]"));
        }
        return new Node(r.matchers().stream().map(Matcher::parse).toList(), receiver, escalation,
                r.continueMatching(), timers, children, path);
    }

    /** Whether every route groups by brand, so incidents of different brands never share a message. */
    public boolean groupsWithinBrand() {
        return withinBrand(root);
    }

    private static boolean withinBrand(Node node) {
        return node.timers().groupBy().contains("brand") && node.children().stream().allMatch(RouteTree::withinBrand);
    }

    /** The destinations of an incident with these labels; empty when nothing, not even the root, has a receiver. */
    public List<Destination> route(Map<String, String> labels) {
        List<Destination> out = new ArrayList<>();
        walk(root, labels, out);
        return out;
    }

    private static void walk(Node node, Map<String, String> labels, List<Destination> out) {
        boolean childMatched = false;
        for (Node child : node.children()) {
            if (Labels.allMatch(child.matchers(), labels)) {
                walk(child, labels, out);
                childMatched = true;
                if (!child.continueMatching()) {
                    break;
                }
            }
        }
        if (!childMatched && (node.receiver() != null || node.escalation() != null)) {
            out.add(new Destination(node.receiver(), node.escalation(), node.timers(), node.path()));
        }
    }
}
