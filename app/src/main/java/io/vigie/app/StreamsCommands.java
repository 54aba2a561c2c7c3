package io.vigie.app;

import picocli.CommandLine;

/** Registers the streams part's subcommands of {@code vigie}. */
final class StreamsCommands {
    private StreamsCommands() {}

    static void register(CommandLine vigie) {
        // Subcommands are added here as the part grows, e.g. vigie.getSubcommands().get("eval").addSubcommand(...).
    }
}
