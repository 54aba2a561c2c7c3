package io.vigie.app;

import io.vigie.analyze.bench.AnalyzeBenchCommand;
import io.vigie.analyze.brands.BrandsCommand;
import picocli.CommandLine;

/** Registers the streams part's subcommands of {@code vigie}. */
final class StreamsCommands {
    private StreamsCommands() {}

    static void register(CommandLine vigie) {
        vigie.addSubcommand("brands", new CommandLine(new BrandsCommand()));
        vigie.getSubcommands().get("bench").addSubcommand("analyze", new AnalyzeBenchCommand());
    }
}
