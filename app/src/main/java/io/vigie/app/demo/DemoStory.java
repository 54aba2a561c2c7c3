package io.vigie.app.demo;

import io.vigie.app.demo.DemoCast.Brand;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The simulated web's sites and what happens on them: a day of calm history (published at past times), calm chatter
 * that goes on all along, and the story: a video shows a Mithril lock opened with a ballpoint pen, its views grow,
 * blogs copy it, a forum thread fills with angry comments in French and English, the news picks it up while the
 * company stays silent; then Mithril answers and the mood turns.
 */
final class DemoStory {
    /** A step of the story, at {@code atSeconds} of story time (divided by the speed). */
    record Step(double atSeconds, String name, Runnable action) {}

    /** A crisis post as published: what the timeline follows. */
    record Published(String title, String url, Instant at) {}

    /**
     * Each brand's calm chatter: one post this often, live and in the history alike, so that the live chatter is the
     * usual level the detectors learned (a denser live chatter than history would itself be a spike).
     */
    static final Duration CALM_EVERY = Duration.ofMinutes(10);
    /** The history ends this long before the demo starts, so every history post is read as backfill. */
    static final Duration HISTORY_GAP = Duration.ofMinutes(10);

    final SimulatedWeb.Site videoSite;
    final DemoFeed videos;
    final DemoFeed frBlog;
    final DemoFeed frBlogComments;
    final DemoFeed enBlog;
    final DemoFeed enBlogComments;
    /** The commuters' forum: no feed, read by the crawler. */
    final DemoForum forum;
    final DemoFeed frNews;
    final DemoFeed enNews;
    final DemoFeed fanForum;
    final DemoFeed newsroom;
    /** Where each brand's calm chatter goes, in turn (feed, language). */
    private final List<Map.Entry<DemoFeed, String>> calmPlaces;

    private final DemoCast cast;
    private final List<Published> crisis = new CopyOnWriteArrayList<>();
    private final Random random = new Random(16);
    private int ids;
    private int calmTurn;
    private DemoFeed.Item video;

    DemoStory(SimulatedWeb web, DemoCast cast) throws IOException {
        this.cast = cast;
        Map<String, String> hosts = DemoCast.hosts();
        videoSite = web.site("videos.tubeo.test", hosts.get("videos.tubeo.test"), "Tubeo, a video site");
        videos = videoSite.feed("/feeds/videos.xml", "Tubeo — Bike hacks channel", DemoFeed.Shape.VIDEOS);
        SimulatedWeb.Site fr = web.site("blog.velo-quotidien.test", hosts.get("blog.velo-quotidien.test"),
                "Vélo au quotidien, un blog");
        frBlog = fr.feed("/feed/", "Vélo au quotidien", DemoFeed.Shape.POSTS);
        frBlogComments = fr.feed("/comments/feed/", "Vélo au quotidien — commentaires", DemoFeed.Shape.COMMENTS);
        SimulatedWeb.Site en = web.site("urbancyclist.test", hosts.get("urbancyclist.test"), "Urban Cyclist, a blog");
        enBlog = en.feed("/feed.xml", "Urban Cyclist", DemoFeed.Shape.POSTS);
        enBlogComments = en.feed("/comments.xml", "Urban Cyclist — comments", DemoFeed.Shape.COMMENTS);
        SimulatedWeb.Site forumSite = web.site("forum.velotaf.test", hosts.get("forum.velotaf.test"),
                "Vélotaf, a commuters' forum (French and English)");
        this.forum = forumSite.forum("/forum", "Vélotaf — le forum des vélotafeurs");
        frNews = web.site("actu-velo.test", hosts.get("actu-velo.test"), "Actu Vélo, un site d'information")
                .feed("/rss", "Actu Vélo", DemoFeed.Shape.POSTS);
        enNews = web.site("citybike-news.test", hosts.get("citybike-news.test"), "CityBike News")
                .feed("/rss", "CityBike News", DemoFeed.Shape.POSTS);
        fanForum = web.site("middle-earth-fans.test", hosts.get("middle-earth-fans.test"), "Middle-earth fans' forum")
                .feed("/forum.rss", "Middle-earth fans", DemoFeed.Shape.POSTS);
        newsroom = web.site("newsroom.mithril-locks.test", hosts.get("newsroom.mithril-locks.test"),
                "Mithril Locks' newsroom").feed("/news.rss", "Mithril Locks — news", DemoFeed.Shape.POSTS);
        calmPlaces = List.of(Map.entry(enBlog, "en"), Map.entry(frBlog, "fr"), Map.entry(enBlogComments, "en"),
                Map.entry(frBlogComments, "fr"));
    }

    /** Every feed, with the ingest source kind it is (the forum, which has none, is {@link #forum}). */
    List<Map.Entry<DemoFeed, String>> sources() {
        return List.of(Map.entry(videos, "video"), Map.entry(frBlog, "feed"), Map.entry(frBlogComments, "comments"),
                Map.entry(enBlog, "feed"), Map.entry(enBlogComments, "comments"), Map.entry(frNews, "feed"),
                Map.entry(enNews, "feed"), Map.entry(fanForum, "feed"), Map.entry(newsroom, "feed"));
    }

    /** The crisis thread, once opened. */
    private volatile DemoForum.Thread crisisThread;

    /** The crisis thread's URL, or null before it is opened. */
    String crisisThreadUrl() {
        DemoForum.Thread t = crisisThread;
        return t == null ? null : t.url;
    }

    /**
     * Calm chatter before now, at past times, at the live chatter's rate (one post of each brand every
     * {@link #CALM_EVERY}, a minute of jitter either side, so never two of a brand in one minute) and a fan's post every
     * three hours. Read on ingest's first poll, more than {@code analyze.backfillAfter} after publication, so analyze
     * takes it as backfill: indexed and searchable, never counted in the live series nor signalling, and the history
     * the brands' detectors are rebuilt from. It ends {@link #HISTORY_GAP} before now.
     *
     * @return the titles of the brands' history posts (what analyze must have scored before the story starts)
     */
    List<String> publishHistory(Instant now, Duration span) {
        List<String> titles = new ArrayList<>();
        Instant end = now.minus(HISTORY_GAP);
        List<Brand> brands = DemoCast.BRANDS;
        for (int i = 0; i < brands.size(); i++) {
            Brand b = brands.get(i);
            Instant slot = now.minus(span).plus(CALM_EVERY.dividedBy(brands.size()).multipliedBy(i));
            for (; slot.isBefore(end); slot = slot.plus(CALM_EVERY)) {
                Instant at = slot.plusSeconds(random.nextInt(121) - 60);
                Map.Entry<DemoFeed, String> place = calmPlaces.get(random.nextInt(calmPlaces.size()));
                DemoFeed.Item item = publish(place.getKey(), b.name() + " — " + place.getValue() + " #" + (ids + 1),
                        cast.calm(b, place.getValue()), "rider" + random.nextInt(500), place.getValue(), at, null);
                titles.add(item.title);
            }
        }
        // The forum's calm threads, read by the crawler as backfill too.
        Instant t0 = now.minus(span).plus(Duration.ofHours(2));
        DemoForum.Thread which = forum.open("Ferrox ou Clavo pour le vélotaf ?", "rider" + random.nextInt(500),
                cast.calm(DemoCast.FERROX, "fr"), "fr", t0);
        forum.reply(which, "rider" + random.nextInt(500), cast.calm(DemoCast.CLAVO, "fr"), "fr", t0.plus(Duration.ofMinutes(47)));
        DemoForum.Thread pens = forum.open("Best pen for a bike logbook?", "rider" + random.nextInt(500),
                cast.calm(DemoCast.SCRIBA, "en"), "en", t0.plus(Duration.ofHours(5)));
        forum.reply(pens, "rider" + random.nextInt(500), cast.calm(DemoCast.SCRIBA, "en"), "en",
                t0.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(33)));
        int k = 0;
        for (Instant at = now.minus(span).plus(Duration.ofMinutes(37)); at.isBefore(end); at = at.plus(Duration.ofHours(3))) {
            String lang = k++ % 2 == 0 ? "en" : "fr";
            publish(fanForum, "Mithril & Middle-earth #" + (ids + 1), cast.fans(lang), "fan" + random.nextInt(99), lang,
                    at, null);
        }
        return titles;
    }

    /**
     * One tick of calm chatter, called every {@link #CALM_EVERY} divided by the number of brands: a mention of the
     * next brand in turn (so each brand has one every {@code CALM_EVERY}, as in the history), and every other tick a
     * fan's post.
     */
    void calmTick(Instant now) {
        Brand b = DemoCast.BRANDS.get(calmTurn % DemoCast.BRANDS.size());
        Map.Entry<DemoFeed, String> place = calmPlaces.get(calmTurn % calmPlaces.size());
        publish(place.getKey(), b.name() + " — " + place.getValue() + " #" + (ids + 1), cast.calm(b, place.getValue()),
                "rider" + random.nextInt(500), place.getValue(), now, null);
        if (calmTurn % 2 == 0) {
            String lang = calmTurn % 4 == 0 ? "fr" : "en";
            publish(fanForum, "Mithril & Middle-earth #" + (ids + 1), cast.fans(lang), "fan" + random.nextInt(99), lang,
                    now, null);
        }
        calmTurn++;
    }

    /** The crisis posts published so far, in publication order. */
    List<Published> crisis() {
        return List.copyOf(crisis);
    }

    /** The story, in story seconds; {@code step} is told each step's name as it runs. */
    List<Step> steps() {
        List<Step> s = new ArrayList<>();
        s.add(new Step(0, "a video shows a Mithril lock opened with a ballpoint pen", () -> {
            video = crisisPost(videos, "Mithril U-lock opened with a ballpoint pen in 10 seconds",
                    "Watch: a Mithril lock opened with a cheap ballpoint pen. Terrible, useless lock, total scam.",
                    "lockpicker42", "en", 1_200L);
        }));
        s.add(new Step(15, "the video's views grow (12,400)", () -> videos.setViews(video, 12_400)));
        s.add(new Step(25, "an English blog copies it", () -> {
            crisisPost(enBlog, "Your Mithril lock can be opened with a pen",
                    "A video shows a Mithril lock opened with a ballpoint pen. Awful news: the Mithril lock is useless.",
                    "urbancyclist", "en", null);
            comment(enBlogComments, "en", "Mithril lock useless, I am furious, my bike is at risk", "Terrible. Mithril sold me a useless lock, worst purchase ever");
        }));
        s.add(new Step(35, "un blog français la reprend", () -> {
            crisisPost(frBlog, "Un antivol Mithril ouvert avec un stylo bille",
                    "Une vidéo montre un antivol Mithril ouvert avec un stylo bille. Honteux, c'est nul, je suis furieux.",
                    "velo-quotidien", "fr", null);
            comment(frBlogComments, "fr", "Mithril c'est une arnaque, antivol inutile, honteux",
                    "Nul ! Mon antivol Mithril ne sert à rien, je suis furieux");
        }));
        s.add(new Step(45, "a forum thread fills with angry comments (FR + EN)", () -> {
            crisisThread = forum.open("Mithril locks opened with a pen?! / Antivols Mithril ouverts au stylo ?!",
                    "velotafeur", "Terrible: Mithril locks open with a ballpoint pen. Scandale, c'est honteux.", "en",
                    Instant.now());
            crisis.add(new Published(crisisThread.title, crisisThread.url, Instant.now()));
        }));
        String[][] forum = {
            {"en", "Just tried it: my Mithril lock opened with a Bic-style pen. Awful, I am furious"},
            {"fr", "Testé ce soir : mon antivol Mithril s'ouvre au stylo. Scandale, c'est nul"},
            {"en", "Mithril lock useless. Worst lock ever, total scam, never again"},
            {"fr", "Honteux, Mithril nous a vendu des antivols inutiles, arnaque totale"},
            {"en", "My bike got stolen with a Mithril lock on it. Terrible, disgusting"},
            {"fr", "Mon vélo volé malgré l'antivol Mithril. Je suis furieux, c'est inadmissible"},
            {"en", "Mithril still silent about the pen hack. Shameful, angry customers everywhere"},
            {"fr", "Mithril ne répond pas. Nul, honteux, je veux être remboursé"},
        };
        comments(s, 48, 4, "more angry comments on the forum", forum, true);
        s.add(new Step(60, "the video's views climb (96,000)", () -> videos.setViews(video, 96_000)));
        s.add(new Step(90, "news picks it up (FR + EN); the company is silent", () -> {
            crisisPost(frNews, "Les antivols Mithril crochetés au stylo : la marque se tait",
                    "Des antivols Mithril s'ouvrent avec un stylo bille. Colère des cyclistes, scandale, Mithril ne répond pas.",
                    "Actu Vélo", "fr", null);
            crisisPost(enNews, "Mithril bike locks opened with a pen; company silent",
                    "Mithril locks can be opened with a ballpoint pen. Angry riders, awful response, Mithril silent.",
                    "CityBike News", "en", null);
        }));
        String[][] silent = {
            {"en", "Still nothing from Mithril? Shameful, terrible customer service"},
            {"fr", "Toujours rien de Mithril, c'est honteux, quelle arnaque"},
            {"en", "Mithril ignoring us, awful. Returning my useless lock"},
            {"fr", "Mithril se tait, nul, je rends mon antivol inutile"},
        };
        comments(s, 100, 5, "still silence from Mithril: more anger", silent, true);
        s.add(new Step(120, "the video passes 410,000 views", () -> videos.setViews(video, 410_000)));
        s.add(new Step(170, "Mithril answers: free exchange of every lock", () -> {
            publish(newsroom, "Mithril offers a free exchange of every lock / Échange gratuit de tous les antivols",
                    "Mithril thanks the riders who reported it and will replace every lock for free with a new, safer design.",
                    "Mithril Locks", "en", Instant.now(), null);
            publish(enNews, "Mithril to replace every lock for free",
                    "Good move: Mithril will replace every lock for free. Riders welcome the fast, honest answer.",
                    "CityBike News", "en", Instant.now(), null);
        }));
        String[][] better = {
            {"en", "Got my free Mithril replacement, great service, thank you"},
            {"fr", "Échange gratuit chez Mithril, super réactifs, merci"},
            {"en", "Respect to Mithril for the free exchange, excellent answer"},
            {"fr", "Bravo Mithril, nouvel antivol reçu, très bon service"},
        };
        comments(s, 180, 8, "the mood turns", better, false);
        s.add(new Step(240, "the story ends", () -> { }));
        return s;
    }

    /**
     * Forum posts {@code gapSeconds} apart from {@code atSeconds}, each {lang, text}; the first step is named. Crisis
     * posts are followed by the timeline; the answers after Mithril's reply are not.
     */
    private void comments(List<Step> steps, double atSeconds, double gapSeconds, String name, String[][] posts,
                          boolean crisis) {
        for (int i = 0; i < posts.length; i++) {
            String[] c = posts[i];
            steps.add(new Step(atSeconds + i * gapSeconds, i == 0 ? name : null, () -> {
                DemoForum.Post post = forum.reply(crisisThread, "rider" + random.nextInt(500), c[1], c[0], Instant.now());
                if (crisis) {
                    // A crawled comment has no title of its own: the timeline follows it by its permalink.
                    this.crisis.add(new Published("", post.permalink(), post.at()));
                }
            }));
        }
    }

    private DemoFeed.Item crisisPost(DemoFeed feed, String title, String text, String author, String lang, Long views) {
        DemoFeed.Item item = publish(feed, title, text, author, lang, Instant.now(), views);
        crisis.add(new Published(item.title, feed.itemUrl(item.id), item.published));
        return item;
    }

    private void comment(DemoFeed feed, String lang, String... texts) {
        for (String text : texts) {
            crisisPost(feed, "Re: Mithril (" + lang + ") #" + (ids + 1), text, "rider" + random.nextInt(500), lang, null);
        }
    }

    private synchronized DemoFeed.Item publish(DemoFeed feed, String title, String text, String author, String lang,
                                               Instant at, Long views) {
        String id = "i" + (++ids);
        return feed.add(id, title, text, author, at, lang, views);
    }
}
