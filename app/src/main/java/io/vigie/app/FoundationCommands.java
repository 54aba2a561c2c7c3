package io.vigie.app;

import picocli.CommandLine;

/** Registers the foundation part's subcommands of {@code vigie}. */
final class FoundationCommands {
    private FoundationCommands() {}

    static void register(CommandLine vigie) {
        // Subcommands are added here as the part grows, e.g. vigie.getSubcommands().get("eval").addSubcommand(...).
    }
}
