package io.vigie.app;

import io.vigie.dashboards.cli.DashboardsBench;
import io.vigie.dashboards.cli.UsersCommand;
import picocli.CommandLine;

/** Registers the dashboards' subcommands of {@code vigie}: {@code users hash|token}, {@code bench dashboards}. */
final class DashboardsCommands {
    private DashboardsCommands() {}

    static void register(CommandLine vigie) {
        vigie.addSubcommand("users", new CommandLine(new UsersCommand()));
        vigie.getSubcommands().get("bench").addSubcommand("dashboards", new CommandLine(new DashboardsBench()));
    }
}
