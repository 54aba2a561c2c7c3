package io.vigie.app;

import io.vigie.runtime.service.Stage;
import picocli.CommandLine;

/** Registers the foundation part's subcommands of {@code vigie}: local, run, one command per stage,
 * and {@code bench local}. */
final class FoundationCommands {
    private FoundationCommands() {}

    static void register(CommandLine vigie) {
        vigie.addSubcommand("local", new CommandLine(new LocalCommand(ShutdownSignal::onTermOrInterrupt)));
        vigie.addSubcommand("run", new CommandLine(new RunCommand(ShutdownSignal::onTermOrInterrupt)));
        vigie.getSubcommands().get("bench").addSubcommand("local", new CommandLine(new LocalStartBench()));
        for (Stage stage : Stages.all()) {
            vigie.addSubcommand(stage.name(), StageCommand.commandLine(stage, ShutdownSignal::onTermOrInterrupt));
        }
    }
}
