package io.vigie.app.demo;

import io.vigie.app.CrisisEvidence;
import io.vigie.app.PipelineTimeline;
import io.vigie.model.BrandStats;
import io.vigie.model.IncidentEvent;
import io.vigie.model.Notification;
import io.vigie.model.ScoredMention;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the demo prints as the pipeline reacts, each line with the seconds since the first crisis post: the first
 * crisis mention scored, the first signal, the first incident, each notification delivered, the e-mail in the inbox;
 * any signal or incident of a calm brand (a false alarm) too. Read from the topics by a read-committed reader
 * ({@link PipelineTimeline}, the one {@code vigie bench pipeline} uses) and from the demo's inbox.
 */
final class DemoTimeline {
    private final PipelineTimeline topics;
    private final DemoInbox inbox;
    private final DemoStory story;
    private final PrintWriter out;
    private final Set<String> told = new LinkedHashSet<>();
    private final Set<String> falseAlarms = new TreeSet<>();
    private final Set<String> crisisIncidents = new TreeSet<>();
    private Instant firstAlert;
    private Instant startedAt = Instant.now();

    DemoTimeline(PipelineTimeline topics, DemoInbox inbox, DemoStory story, PrintWriter out) {
        this.topics = topics;
        this.inbox = inbox;
        this.story = story;
        this.out = out;
    }

    /** Prints a line, with the time since the first crisis post (or since the demo started, before it). */
    synchronized void print(String what, Instant at) {
        List<DemoStory.Published> crisis = story.crisis();
        String clock = crisis.isEmpty()
                ? String.format("  demo %+6.1f s", (at.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0)
                : String.format("crisis %+6.1f s", (at.toEpochMilli() - crisis.get(0).at().toEpochMilli()) / 1000.0);
        out.println("[" + clock + "] " + what);
        out.flush();
    }

    /** Looks for what happened since the last call and prints it. */
    synchronized void check() {
        topics.check();
        List<DemoStory.Published> crisis = story.crisis();
        if (!crisis.isEmpty()) {
            once("published", "first crisis post published: " + crisis.get(0).title(), crisis.get(0).at());
            Instant scored = null;
            for (DemoStory.Published p : crisis) {
                PipelineTimeline.Seen<ScoredMention> s = scoredOf(p);
                if (s != null && (scored == null || s.seenMs() < scored.toEpochMilli())) {
                    scored = Instant.ofEpochMilli(s.seenMs());
                }
            }
            if (scored != null) {
                once("scored", "first crisis mention scored (mentions.scored)", scored);
            }
        }
        for (PipelineTimeline.Seen<SpikeSignal> s : topics.signals) {
            SpikeSignal sig = s.value();
            if (sig.phase() != SignalPhase.START) {
                continue;
            }
            if (!sig.brand().equals(DemoCast.MITHRIL.id())) {
                if (falseAlarms.add("signal " + sig.signalId())) {
                    print("FALSE ALARM: signal " + sig.kind() + " for calm brand " + sig.brand(), seen(s));
                }
            } else {
                once("signal " + sig.kind(), "signal START " + sig.kind() + " for " + sig.brand() + " (observed "
                        + Math.round(sig.observed()) + ", expected " + String.format("%.1f", sig.expected()) + ")", seen(s));
            }
        }
        for (PipelineTimeline.Seen<IncidentEvent> s : topics.incidents) {
            IncidentEvent i = s.value();
            if (!i.brand().equals(DemoCast.MITHRIL.id())) {
                if (falseAlarms.add("incident " + i.incidentId())) {
                    print("FALSE ALARM: incident " + i.incidentId() + " for calm brand " + i.brand(), seen(s));
                }
            } else if (crisisIncidents.add(i.incidentId())) {
                print("incident " + i.status() + " " + i.kind() + " " + i.severity() + " (" + i.incidentId() + ")", seen(s));
            }
        }
        for (PipelineTimeline.Seen<Notification> s : topics.notifications) {
            Notification n = s.value();
            if (n.status() == Notification.DeliveryStatus.DELIVERED && n.incident().brand().equals(DemoCast.MITHRIL.id())) {
                if (once("delivered " + n.notificationId(), "notification " + n.reason() + " delivered by " + n.channel()
                        + " to " + n.receiver(), seen(s))) {
                    firstAlert = firstAlert == null ? seen(s) : firstAlert;
                }
            }
        }
        List<DemoInbox.Mail> mails = inbox.mails();
        if (!mails.isEmpty()) {
            once("mail", "e-mail in the inbox: " + mails.get(0).subject(), mails.get(0).received());
        }
        List<DemoInbox.Chat> chats = inbox.chats();
        if (!chats.isEmpty()) {
            once("chat", "chat message received by the webhook page", chats.get(0).received());
        }
    }

    private boolean once(String key, String what, Instant at) {
        if (told.add(key)) {
            print(what, at);
            return true;
        }
        return false;
    }

    private static Instant seen(PipelineTimeline.Seen<?> s) {
        return Instant.ofEpochMilli(s.seenMs());
    }

    PipelineTimeline topics() {
        return topics;
    }

    synchronized Instant firstAlert() {
        return firstAlert;
    }

    synchronized Set<String> falseAlarms() {
        return Set.copyOf(falseAlarms);
    }

    synchronized Set<String> crisisIncidents() {
        return Set.copyOf(crisisIncidents);
    }

    /**
     * The lock maker's incident groups as the on-call receiver {@code receiver} was told of them. Alerting groups a
     * brand's incidents (groupBy brand): a group lives while one of its incidents is unresolved, and its later messages
     * carry the news (a new kind, an update) without repeating every incident. So a message starts a new group only
     * when every incident the receiver was told of before is resolved.
     */
    synchronized int crisisGroups(String receiver) {
        int groups = 0;
        Set<String> unresolved = new TreeSet<>();
        List<Notification> told = topics.notifications.stream().map(PipelineTimeline.Seen::value)
                .filter(n -> n.status() == Notification.DeliveryStatus.DELIVERED && n.receiver().equals(receiver)
                        && n.incident().brand().equals(DemoCast.MITHRIL.id()))
                .sorted(Comparator.comparing(Notification::createdAt)).toList();
        for (Notification n : told) {
            if (unresolved.isEmpty()) {
                groups++;
            }
            for (IncidentEvent i : n.incidents()) {
                if (i.status() == io.vigie.model.IncidentStatus.RESOLVED) {
                    unresolved.remove(i.incidentId());
                } else {
                    unresolved.add(i.incidentId());
                }
            }
        }
        return groups;
    }

    /** The calm brands that had an incident. */
    synchronized Set<String> calmBrandsWithIncidents() {
        Set<String> brands = new TreeSet<>();
        topics.incidents.forEach(s -> {
            if (!s.value().brand().equals(DemoCast.MITHRIL.id())) {
                brands.add(s.value().brand());
            }
        });
        return brands;
    }

    /** A crisis post's first scored version: by its title, or by its URL when it has none (a crawled comment). */
    PipelineTimeline.Seen<ScoredMention> scoredOf(DemoStory.Published p) {
        return p.title().isEmpty() ? topics.scoredByUrl.get(p.url()) : topics.scored.get(p.title());
    }

    /** The crisis post that completed the detector's evidence, and when it was published; null when not found. */
    record Evidence(CrisisEvidence.Needs needs, DemoStory.Published post) {}

    /**
     * Replays analyze's detectors ({@link CrisisEvidence}, with the demo's warm-up and quiet) over Mithril's history
     * (its backfilled mentions), its closed minutes and the crisis minute of its first START: the crisis post after
     * which an alarm became possible at all.
     */
    synchronized Evidence evidence(Duration warmUp, Duration quiet) {
        String brand = DemoCast.MITHRIL.id();
        SpikeSignal first = topics.signals.stream().map(PipelineTimeline.Seen::value)
                .filter(s -> s.brand().equals(brand) && s.phase() == SignalPhase.START)
                .min(Comparator.comparing(SpikeSignal::at)).orElse(null);
        if (first == null) {
            return null;
        }
        Instant minute = first.at().truncatedTo(ChronoUnit.MINUTES);
        List<BrandStats> closed = topics.minuteStats.stream().map(PipelineTimeline.Seen::value)
                .filter(s -> s.brand().equals(brand) && s.closed()).toList();
        Set<String> crisisTitles = new LinkedHashSet<>();
        Set<String> crisisUrls = new LinkedHashSet<>();
        story.crisis().forEach(p -> {
            if (!p.title().isEmpty()) {
                crisisTitles.add(p.title());
            }
            crisisUrls.add(p.url());
        });
        List<ScoredMention> inMinute = new ArrayList<>();
        List<DemoStory.Published> posts = new ArrayList<>();
        List<ScoredMention> others = new ArrayList<>();
        for (DemoStory.Published p : story.crisis()) {
            PipelineTimeline.Seen<ScoredMention> s = scoredOf(p);
            if (s != null && s.value().brands().contains(brand)
                    && s.value().eventTime().truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
                inMinute.add(s.value());
                posts.add(p);
            }
        }
        topics.scored.values().stream().map(PipelineTimeline.Seen::value)
                .filter(m -> m.brands().contains(brand) && !crisisTitles.contains(m.mention().title())
                        && !crisisUrls.contains(m.mention().url())
                        && m.eventTime().truncatedTo(ChronoUnit.MINUTES).equals(minute)
                        && m.eventTime().isBefore(first.at()))
                .forEach(others::add);
        List<ScoredMention> backfill = topics.scored.values().stream().map(PipelineTimeline.Seen::value)
                .filter(m -> m.backfill() && m.brands().contains(brand)).toList();
        CrisisEvidence.Needs needs = new CrisisEvidence(warmUp, quiet).find(brand, backfill, closed, others, inMinute);
        return needs == null ? null : new Evidence(needs, posts.get(needs.number() - 1));
    }
}
