package io.vigie.app;

import io.vigie.app.demo.DemoCommand;
import picocli.CommandLine;

/** Registers {@code vigie demo}: the crisis replayed on a simulated web, end to end. */
final class DemoCommands {
    private DemoCommands() {}

    static void register(CommandLine vigie) {
        vigie.addSubcommand("demo", new CommandLine(new DemoCommand(ShutdownSignal::onTermOrInterrupt)));
    }
}
