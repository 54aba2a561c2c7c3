package io.vigie.app;

import io.vigie.ingest.cli.BenchIngestCommand;
import io.vigie.ingest.cli.EvalDatesCommand;
import io.vigie.ingest.cli.SourcesCommand;
import picocli.CommandLine;

/** Registers the ingest part's subcommands of {@code vigie}. */
final class IngestCommands {
    private IngestCommands() {}

    static void register(CommandLine vigie) {
        vigie.addSubcommand("sources", new CommandLine(new SourcesCommand()));
        vigie.getSubcommands().get("bench").addSubcommand("ingest", new BenchIngestCommand());
        vigie.getSubcommands().get("eval").addSubcommand("dates", new EvalDatesCommand());
    }
}
