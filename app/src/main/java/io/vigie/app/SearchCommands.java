package io.vigie.app;

import io.vigie.dashboards.search.bench.SearchBenchCommand;
import picocli.CommandLine;

/** Registers the analysts' search part's subcommands of {@code vigie}: its benchmark. */
final class SearchCommands {
    private SearchCommands() {}

    static void register(CommandLine vigie) {
        vigie.getSubcommands().get("bench").addSubcommand("search", new SearchBenchCommand());
    }
}
