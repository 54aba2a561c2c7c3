package io.vigie.app;

import picocli.CommandLine;

/** Registers the dashboards part's subcommands of {@code vigie}. */
final class DashboardsCommands {
    private DashboardsCommands() {}

    static void register(CommandLine vigie) {
        // Subcommands are added here as the part grows, e.g. vigie.getSubcommands().get("eval").addSubcommand(...).
    }
}
