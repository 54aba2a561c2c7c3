package io.vigie.app;

import picocli.CommandLine;

/** Registers the end-to-end part's subcommands of {@code vigie}: the benchmark that needs every stage at once. */
final class EndToEndCommands {
    private EndToEndCommands() {}

    static void register(CommandLine vigie) {
        vigie.getSubcommands().get("bench").addSubcommand("pipeline", new PipelineBenchCommand());
    }
}
