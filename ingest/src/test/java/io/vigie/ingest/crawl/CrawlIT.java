package io.vigie.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.ingest.IngestConfig;
import io.vigie.ingest.fetch.LocalSites;
import io.vigie.ingest.poll.FeedPoller;
import io.vigie.ingest.poll.FetchStack;
import io.vigie.model.IngestState;
import io.vigie.model.MentionKind;
import io.vigie.model.RawMention;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The crawler against a local forum on a loopback address (127.0.0.0/8 allowed explicitly): pagination, only new
 * comments on the next visit, an edited comment as a new version, robots.txt, forum index to thread sources, a
 * thread gone quiet, the host's delay between pages.
 */
class CrawlIT {
    private static final long DELAY_MS = 150;
    private final LocalSites sites = new LocalSites();
    private final Map<String, List<ForumPages.Post>> threads = new ConcurrentHashMap<>();
    private final List<Long> pageTimes = new CopyOnWriteArrayList<>();
    private LocalSites.Site forum;
    private FetchStack stack;
    private Instant now = Instant.parse("2024-05-15T12:00:00Z");

    @BeforeEach
    void start() throws Exception {
        forum = sites.site(61);
        forum.route("/robots.txt", ex -> LocalSites.respond(ex, 200, "text/plain",
                "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8)));
        servePages("/t/1", 3);
        servePages("/t/2", 1);
        servePages("/private/t/3", 1);
        forum.route("/forum", ex -> LocalSites.respond(ex, 200, "text/html; charset=utf-8",
                ForumPages.index(List.of("/t/1", "/t/2"), "/forum/2").getBytes(StandardCharsets.UTF_8)));
        forum.route("/forum/2", ex -> LocalSites.respond(ex, 200, "text/html; charset=utf-8",
                ForumPages.index(List.of("/t/2", "/t/4"), null).getBytes(StandardCharsets.UTF_8)));
        List<ForumPages.Post> one = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            one.add(post(i, now.minus(Duration.ofHours(10 - i))));
        }
        threads.put("/t/1", one);
        threads.put("/t/2", new ArrayList<>(List.of(post(100, now.minus(Duration.ofDays(60))),
                post(101, now.minus(Duration.ofDays(59))))));
        threads.put("/private/t/3", new ArrayList<>(List.of(post(200, now))));
        IngestConfig config = new IngestConfig("https://vigie.example/contact", List.of("127.0.0.0/8"), DELAY_MS, 60L,
                2000L, 5000L, 1_000_000L, 3, 2, true, 60L, 3600L, 60L, 2000, 60_000L, List.of(), null, List.of(), 10, 30L);
        stack = FetchStack.of(config, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        stack.close();
        sites.close();
    }

    private static ForumPages.Post post(int id, Instant at) {
        return new ForumPages.Post(String.valueOf(id), "user" + id, at, "Post number " + id + " about the lock.");
    }

    /** Three posts per page; page n of a thread is at {@code <thread>} then {@code <thread>/n}. */
    private void servePages(String thread, int pages) {
        for (int page = 1; page <= pages; page++) {
            int p = page;
            String path = page == 1 ? thread : thread + "/" + page;
            forum.route(path, ex -> {
                pageTimes.add(System.nanoTime());
                List<ForumPages.Post> all = threads.get(thread);
                List<ForumPages.Post> shown = all.subList(Math.min(all.size(), (p - 1) * 3), Math.min(all.size(), p * 3));
                boolean more = all.size() > p * 3;
                String html = ForumPages.threadPage("Thread " + thread, shown, p, more ? thread + "/" + (p + 1) : null, 0);
                LocalSites.respond(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    private FeedPoller.Polled visit(String path, String kind, IngestState.Feed previous) {
        IngestState.Source source = new IngestState.Source("Forum", forum.url(path), kind, 60L, 3600L, List.of("kryptonite"),
                false, "config", now, null, null);
        return stack.poller().poll(source, previous, 60, 3600, now);
    }

    @Test
    void aThreadIsFollowedThroughItsPagesAndOnlyNewOrEditedPostsArePublishedNextTime() {
        FeedPoller.Polled first = visit("/t/1", "thread", null);
        List<RawMention> published = first.outcome().mentions();
        assertEquals(7, published.size(), "three pages: 3 + 3 + 1 posts");
        assertEquals(MentionKind.POST, published.get(0).kind(), "the opening post");
        RawMention last = published.get(6);
        assertEquals(MentionKind.COMMENT, last.kind());
        assertEquals(7, last.position());
        assertEquals("user7", last.author());
        assertEquals("Post number 7 about the lock.", last.text());
        assertEquals(forum.url("/t/1"), last.threadUrl());
        assertEquals(forum.url("/t/1"), last.parentUrl());
        assertEquals(forum.url("/posting?mode=quote&p=7"), last.replyUrl());
        assertEquals(now.minus(Duration.ofHours(3)), last.publishedAt());
        assertEquals(forum.url("/t/1") + "#p7", last.id());
        for (int i = 1; i < pageTimes.size(); i++) {
            long gapMs = (pageTimes.get(i) - pageTimes.get(i - 1)) / 1_000_000;
            assertTrue(gapMs >= DELAY_MS - 5, "pages of one host " + gapMs + " ms apart");
        }

        FeedPoller.Polled unchanged = visit("/t/1", "thread", first.outcome().feedState());
        assertTrue(unchanged.outcome().mentions().isEmpty(), "nothing new, nothing published");

        List<ForumPages.Post> posts = threads.get("/t/1");
        posts.set(1, new ForumPages.Post("2", "user2", posts.get(1).at(), "Post number 2, edited: it was a pen."));
        posts.add(post(8, now));
        FeedPoller.Polled next = visit("/t/1", "thread", unchanged.outcome().feedState());
        List<RawMention> again = next.outcome().mentions();
        assertEquals(2, again.size(), again.toString());
        RawMention edited = again.stream().filter(m -> m.id().endsWith("#p2")).findFirst().orElseThrow();
        assertEquals(2, edited.version(), "an edit is the next version of the same id");
        RawMention added = again.stream().filter(m -> m.id().endsWith("#p8")).findFirst().orElseThrow();
        assertEquals(1, added.version());
        assertEquals(8, added.position());
    }

    @Test
    void aPageDisallowedByRobotsIsNeverFetched() {
        FeedPoller.Polled polled = visit("/private/t/3", "thread", null);
        assertTrue(polled.outcome().failed());
        assertEquals("disallowed by robots.txt", polled.outcome().feedState().lastError());
        assertFalse(forum.requests.stream().anyMatch(r -> r.startsWith("/private/")), forum.requests.toString());
    }

    @Test
    void aForumIndexGivesEachNewThreadAsAThreadSourceOnce() {
        FeedPoller.Polled first = visit("/forum", "forum", null);
        List<IngestState.Source> found = first.outcome().discovered();
        assertEquals(List.of(forum.url("/t/1"), forum.url("/t/2"), forum.url("/t/4")),
                found.stream().map(IngestState.Source::url).toList(), "both index pages read, duplicates once");
        assertTrue(found.stream().allMatch(s -> s.kind().equals("thread") && s.origin().equals("forum:Forum")
                && s.brands().equals(List.of("kryptonite"))));
        assertTrue(first.outcome().mentions().isEmpty());
        FeedPoller.Polled second = visit("/forum", "forum", first.outcome().feedState());
        assertTrue(second.outcome().discovered().isEmpty(), "threads already known are not written again");
    }

    @Test
    void aThreadQuietForLongerThanTheRetirementIsNotVisitedAgain() {
        FeedPoller.Polled polled = visit("/t/2", "thread", null);
        assertEquals(2, polled.outcome().mentions().size());
        assertEquals(ThreadPoller.RETIRED_SECONDS, polled.outcome().feedState().intervalSeconds());
        FeedPoller.Polled active = visit("/t/1", "thread", null);
        assertEquals(60, active.outcome().feedState().intervalSeconds(), "a thread with new posts: the minimum");
    }
}
