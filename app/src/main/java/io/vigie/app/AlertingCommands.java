package io.vigie.app;

import io.vigie.alerting.bench.AlertingBenchCommand;
import picocli.CommandLine;

/** Registers the alerting part's subcommands of {@code vigie}. */
final class AlertingCommands {
    private AlertingCommands() {}

    static void register(CommandLine vigie) {
        vigie.getSubcommands().get("bench").addSubcommand("alerting", new AlertingBenchCommand());
    }
}
