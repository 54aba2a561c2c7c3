package io.vigie.app;

import io.vigie.ingest.cli.BenchIngestCommand;
import io.vigie.ingest.cli.BenchCrawlCommand;
import io.vigie.ingest.cli.EvalCrawlCommand;
import io.vigie.ingest.cli.EvalDatesCommand;
import io.vigie.ingest.cli.SourcesCommand;
import picocli.CommandLine;

/** Registers the ingest part's subcommands of {@code vigie}. */
final class IngestCommands {
    private IngestCommands() {}

    static void register(CommandLine vigie) {
        vigie.addSubcommand("sources", new CommandLine(new SourcesCommand()));
        vigie.getSubcommands().get("bench").addSubcommand("ingest", new BenchIngestCommand());
        vigie.getSubcommands().get("bench").addSubcommand("crawl", new BenchCrawlCommand());
        vigie.getSubcommands().get("eval").addSubcommand("dates", new EvalDatesCommand());
        vigie.getSubcommands().get("eval").addSubcommand("crawl", new EvalCrawlCommand());
    }
}
