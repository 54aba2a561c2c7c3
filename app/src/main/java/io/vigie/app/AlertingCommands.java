package io.vigie.app;

import picocli.CommandLine;

/** Registers the alerting part's subcommands of {@code vigie}. */
final class AlertingCommands {
    private AlertingCommands() {}

    static void register(CommandLine vigie) {
        // Subcommands are added here as the part grows, e.g. vigie.getSubcommands().get("eval").addSubcommand(...).
    }
}
