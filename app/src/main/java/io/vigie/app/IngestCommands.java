package io.vigie.app;

import picocli.CommandLine;

/** Registers the ingest part's subcommands of {@code vigie}. */
final class IngestCommands {
    private IngestCommands() {}

    static void register(CommandLine vigie) {
        // Subcommands are added here as the part grows, e.g. vigie.getSubcommands().get("eval").addSubcommand(...).
    }
}
