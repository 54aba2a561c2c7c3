package io.vigie.app;

import picocli.CommandLine;

/** Registers the sentiment part's subcommands of {@code vigie}. */
final class SentimentCommands {
    private SentimentCommands() {}

    static void register(CommandLine vigie) {
        // Subcommands are added here as the part grows, e.g. vigie.getSubcommands().get("eval").addSubcommand(...).
    }
}
