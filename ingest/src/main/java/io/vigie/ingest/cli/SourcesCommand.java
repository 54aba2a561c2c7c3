package io.vigie.ingest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.ingest.IngestConfig;
import io.vigie.ingest.feeds.FeedReader;
import io.vigie.ingest.feeds.FeedUnreadableException;
import io.vigie.ingest.feeds.MentionBuilder;
import io.vigie.ingest.fetch.FetchException;
import io.vigie.ingest.fetch.FetchResult;
import io.vigie.ingest.identity.CanonicalUrl;
import io.vigie.ingest.poll.FeedPoller;
import io.vigie.ingest.poll.FetchStack;
import io.vigie.ingest.poll.PollOutcome;
import io.vigie.ingest.sources.FeedDiscovery;
import io.vigie.ingest.sources.OpmlImport;
import io.vigie.ingest.sources.SourceCatalog;
import io.vigie.model.DeadLetter;
import io.vigie.model.IngestState;
import io.vigie.model.RawMention;
import io.vigie.model.VigieJson;
import io.vigie.runtime.connect.KafkaConnection;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigie sources …}: the sources ingest polls, changed at runtime through {@code ingest.state}. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "List, add, pause, resume, remove, import (OPML) and try feed sources.",
        subcommands = {SourcesCommand.ListSources.class, SourcesCommand.Add.class, SourcesCommand.Pause.class,
                SourcesCommand.Resume.class, SourcesCommand.Remove.class, SourcesCommand.Import.class,
                SourcesCommand.Try.class})
public final class SourcesCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name what to do; see --help");
    }

    /**
     * Where the broker is: {@code --bootstrap-servers} (e.g. the one {@code vigie local} prints in its ready line),
     * else the {@code kafka:} section of {@code --config}; the same two ways as {@code vigie brands}.
     */
    abstract static class WithConfig {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--config", paramLabel = "<vigie.yml>", description = "The configuration (its kafka section).")
        Path config;

        @Option(names = "--bootstrap-servers", paramLabel = "<host:port>",
                description = "Kafka bootstrap servers, e.g. those of a running vigie local; overrides the configuration.")
        String bootstrapServers;

        KafkaConnection kafka() {
            return CliSupport.kafka(config, bootstrapServers, spec);
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every source with its state: paused, polls, items published, last error, when and how often.")
    static final class ListSources extends WithConfig implements Callable<Integer> {
        @Override
        public Integer call() {
            Map<String, SourceCatalog.Entry> catalog = new SourceCatalog(kafka()).read();
            PrintWriter out = out();
            out.printf("%-28s %-8s %-6s %6s %7s %-20s %6s  %s%n", "NAME", "KIND", "STATE", "POLLS", "ITEMS",
                    "LAST POLL", "ERRORS", "LAST ERROR");
            for (SourceCatalog.Entry e : catalog.values()) {
                IngestState.Source s = e.source();
                IngestState.Feed f = e.feed();
                out.printf("%-28s %-8s %-6s %6d %7d %-20s %6d  %s%n", truncate(s.name(), 28), s.kind(),
                        s.paused() ? "paused" : "active", f == null ? 0 : f.polls(), f == null ? 0 : f.itemsPublished(),
                        f == null || f.lastPolledAt() == null ? "never" : f.lastPolledAt().toString().substring(0, 19),
                        f == null ? 0 : f.errorCount(),
                        f == null || f.lastError() == null ? "" : f.lastErrorAt().toString().substring(0, 19) + " " + f.lastError());
                out.printf("  %s%n", s.url());
            }
            out.printf("%d sources%n", catalog.size());
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a source. With --kind site, the page's <link rel=alternate> feeds are discovered: the "
                    + "main feed is added, and the site-wide comment feed too when the page announces one."})
    static final class Add extends WithConfig implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<name>")
        String name;

        @Parameters(index = "1", paramLabel = "<url>")
        String url;

        @Option(names = "--kind", defaultValue = "feed", description = "feed, comments, video, site, thread (a page"
                + " and its comments, followed through its pages), forum (an index whose threads are each crawled) or sitemap"
                + " (an XML sitemap or sitemap index, plain or gzip, whose articles are each crawled).")
        String kind;

        @Option(names = "--rule", paramLabel = "<name>", description = "thread, forum or sitemap: the site rule of ingest.crawlRules"
                + " (default: a rule declared for the host, else schema.org and the generic reader).")
        String rule;

        @Option(names = "--max-pages", paramLabel = "<n>", description = "thread or forum: pages followed per visit; sitemap: sitemap files read per visit.")
        Integer maxPages;

        @Option(names = "--brand", description = "A brand id this source talks about (repeatable).")
        List<String> brands = new ArrayList<>();

        @Option(names = "--min-poll", paramLabel = "<seconds>")
        Long minPoll;

        @Option(names = "--max-poll", paramLabel = "<seconds>")
        Long maxPoll;

        @Option(names = "--contact-url",
                description = "Contact URL for the User-Agent of the discovery request (--kind site without --config;"
                        + " default: env VIGIE_CONTACT_URL).")
        String contactUrl;

        @Option(names = "--allow-range", description = "Allow discovery on this private range (CIDR), e.g. 127.0.0.0/8.")
        List<String> allowRanges = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            if (!IngestConfig.KINDS.contains(kind)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--kind must be one of "
                        + String.join(", ", IngestConfig.KINDS));
            }
            boolean crawled = IngestConfig.CRAWLED_KINDS.contains(kind);
            if ((rule != null || maxPages != null) && !crawled) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--rule and --max-pages apply to --kind"
                        + " thread, forum or sitemap");
            }
            if (rule != null && config != null && CliSupport.ingest(config, contactUrl, allowRanges).rule(rule) == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no rule named " + rule + " in ingest.crawlRules of " + config);
            }
            String feedUrl = url;
            String storedKind = kind;
            String commentsUrl = null;
            if (kind.equals("site")) {
                IngestConfig ingest = CliSupport.ingest(config, contactUrl, allowRanges);
                try (FetchStack stack = FetchStack.of(ingest, Clock.systemUTC())) {
                    FetchResult page = stack.fetcher().get(URI.create(url), null, null);
                    var found = FeedDiscovery.discover(new String(page.body(), StandardCharsets.UTF_8), page.finalUrl().toString());
                    if (found.isEmpty()) {
                        out().println("no feed announced by " + url + " (no <link rel=\"alternate\"> of a feed type)");
                        return 2;
                    }
                    feedUrl = found.get(0).url();
                    storedKind = found.get(0).comments() ? "comments" : "feed";
                    out().println("discovered " + feedUrl + (found.size() > 1 ? " (" + found.size() + " feeds announced; first taken)" : ""));
                    var commentFeed = found.stream().filter(FeedDiscovery.Discovered::comments).findFirst();
                    if (commentFeed.isPresent() && !commentFeed.get().url().equals(feedUrl)) {
                        commentsUrl = commentFeed.get().url();
                        out().println("discovered comment feed " + commentsUrl);
                    }
                }
            }
            SourceCatalog catalog = new SourceCatalog(kafka());
            if (commentsUrl != null) {
                catalog.put(new IngestState.Source(name + " (comments)", CanonicalUrl.of(commentsUrl), "comments", minPoll,
                        maxPoll, brands, false, "cli", Instant.now()));
                out().println("added " + name + " (comments) " + CanonicalUrl.of(commentsUrl));
            }
            IngestState.Source source = new IngestState.Source(name, CanonicalUrl.of(feedUrl), storedKind, minPoll, maxPoll,
                    brands, false, "cli", Instant.now(), rule, maxPages);
            catalog.put(source);
            out().println("added " + name + " " + source.url());
            return 0;
        }
    }

    abstract static class OnOne extends WithConfig implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<name-or-url>")
        String which;

        IngestState.Source find(SourceCatalog catalog) {
            return SourceCatalog.find(catalog.read(), which).orElseThrow(() ->
                    new CommandLine.ParameterException(spec.commandLine(), "no source named or at " + which));
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Stop polling a source (kept, with its state).")
    static final class Pause extends OnOne {
        @Override
        public Integer call() {
            SourceCatalog catalog = new SourceCatalog(kafka());
            IngestState.Source s = find(catalog);
            catalog.put(SourceCatalog.paused(s, true));
            out().println("paused " + s.name());
            return 0;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Poll a paused source again.")
    static final class Resume extends OnOne {
        @Override
        public Integer call() {
            SourceCatalog catalog = new SourceCatalog(kafka());
            IngestState.Source s = find(catalog);
            catalog.put(SourceCatalog.paused(s, false));
            out().println("resumed " + s.name());
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a source; its published mentions stay.")
    static final class Remove extends OnOne {
        @Override
        public Integer call() {
            SourceCatalog catalog = new SourceCatalog(kafka());
            IngestState.Source s = find(catalog);
            catalog.remove(s);
            out().println("removed " + s.name());
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Add every feed of an OPML subscription list.")
    static final class Import extends WithConfig implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<file.opml>")
        Path file;

        @Option(names = "--brand", description = "A brand id for every imported source (repeatable).")
        List<String> brands = new ArrayList<>();

        @Option(names = "--dry-run", description = "Print what would be added, add nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            var feeds = OpmlImport.read(Files.readString(file, StandardCharsets.UTF_8));
            SourceCatalog catalog = dryRun ? null : new SourceCatalog(kafka());
            Map<String, SourceCatalog.Entry> existing = dryRun ? Map.of() : catalog.read();
            int added = 0;
            for (var f : feeds) {
                if (SourceCatalog.find(existing, f.url()).isPresent()) {
                    out().println("already present " + f.url());
                    continue;
                }
                if (!dryRun) {
                    catalog.put(new IngestState.Source(f.name(), CanonicalUrl.of(f.url()), "feed", null, null, brands,
                            false, "cli", Instant.now()));
                }
                added++;
                out().println((dryRun ? "would add " : "added ") + f.name() + " " + f.url());
            }
            out().println(added + " of " + feeds.size() + " feeds " + (dryRun ? "would be added" : "added"));
            return 0;
        }
    }

    @Command(name = "try", mixinStandardHelpOptions = true,
            description = {"Print, as JSON lines, the mentions Vigie would publish from a feed URL, a site URL or a "
                    + "file. Needs no Kafka and publishes nothing.", "Problems (robots.txt, HTTP errors, unreadable "
                    + "feed, entries without identity) are printed to stderr."})
    static final class Try implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<url-or-file>")
        String target;

        @Option(names = "--config", paramLabel = "<vigie.yml>", description = "Take contact URL and allowed ranges from it.")
        Path config;

        @Option(names = "--contact-url", description = "Contact URL for the User-Agent (default: config, or env VIGIE_CONTACT_URL).")
        String contactUrl;

        @Option(names = "--allow-range", description = "Allow fetching this private range (CIDR), e.g. 127.0.0.0/8.")
        List<String> allowRanges = new ArrayList<>();

        @Option(names = "--kind", defaultValue = "feed", description = "feed, comments or video: how entries are read;"
                + " thread or forum: read as a page by the crawler (also for an .html file, or a page that announces no feed);"
                + " sitemap: the articles a sitemap lists (also for a URL or file named sitemap*.xml or .xml.gz).")
        String kind;

        @Option(names = "--rule", paramLabel = "<name>", description = "Read the page with this rule of ingest.crawlRules"
                + " (from --config).")
        String rule;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (SitemapTry.applies(target, kind)) {
                return new SitemapTry(out, err).run(target, config, contactUrl, allowRanges);
            }
            if (PageTry.applies(target, kind, rule)) {
                return new PageTry(out, err).run(target, kind, rule, config, contactUrl, allowRanges);
            }
            ObjectMapper json = VigieJson.newMapper();
            Path file = Path.of(target);
            List<RawMention> mentions;
            List<DeadLetter> refused = new ArrayList<>();
            if (!target.matches("(?i)https?://.*") && Files.isRegularFile(file)) {
                try {
                    var doc = new FeedReader().read(Files.readAllBytes(file), null, file.toUri().toString());
                    if (doc.recovered()) {
                        err.println("note: recovered from ill-formed input: " + doc.recoveryReason());
                    }
                    mentions = new ArrayList<>();
                    for (var b : new MentionBuilder().build(doc, file.getFileName().toString(), kind, file.toUri().toString(), Instant.now())) {
                        if (b.refused()) {
                            err.println("refused entry: " + b.refusal());
                        } else {
                            mentions.add(b.mention());
                        }
                    }
                } catch (FeedUnreadableException e) {
                    err.println("unreadable: " + e.getMessage());
                    return 1;
                }
            } else {
                IngestConfig ingest = CliSupport.ingest(config, contactUrl, allowRanges);
                try (FetchStack stack = FetchStack.of(ingest, Clock.systemUTC())) {
                    String feedUrl = discoverIfPage(stack, target, err);
                    IngestState.Source source = new IngestState.Source("try", feedUrl, kind, null, null, List.of(), false,
                            "cli", Instant.now());
                    FeedPoller.Polled polled = stack.poller().poll(source, null, 300, 3600, Instant.now());
                    PollOutcome outcome = polled.outcome();
                    if (outcome.failed()) {
                        err.println("failed: " + outcome.feedState().lastError());
                    }
                    mentions = outcome.mentions();
                    refused.addAll(outcome.deadLetters());
                }
            }
            for (DeadLetter d : refused) {
                err.println("dead letter (" + d.stage() + "): " + d.reason());
            }
            for (RawMention m : mentions) {
                out.println(json.writeValueAsString(m));
            }
            err.println(mentions.size() + " mentions");
            return mentions.isEmpty() && !refused.isEmpty() ? 1 : 0;
        }

        private static String discoverIfPage(FetchStack stack, String url, PrintWriter err) {
            try {
                FetchResult r = stack.fetcher().get(URI.create(url), null, null);
                String type = r.contentType() == null ? "" : r.contentType().toLowerCase();
                if (r.ok() && type.contains("html") && !type.contains("xml")) {
                    var found = FeedDiscovery.discover(new String(r.body(), StandardCharsets.UTF_8), r.finalUrl().toString());
                    if (!found.isEmpty()) {
                        err.println("discovered feed " + found.get(0).url() + " on " + url);
                        return found.get(0).url();
                    }
                }
            } catch (FetchException e) {
                // the poll below reports the failure with its reason
            }
            return url;
        }
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
