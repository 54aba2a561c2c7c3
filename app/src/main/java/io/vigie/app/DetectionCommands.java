package io.vigie.app;

import io.vigie.analyze.detection.bench.DetectionBenchCommand;
import io.vigie.analyze.detection.nab.NabEvalCommand;
import picocli.CommandLine;

/** Registers the detection part's subcommands of {@code vigie}. */
final class DetectionCommands {
    private DetectionCommands() {}

    static void register(CommandLine vigie) {
        vigie.getSubcommands().get("eval").addSubcommand("nab", new NabEvalCommand());
        vigie.getSubcommands().get("bench").addSubcommand("detection", new DetectionBenchCommand());
    }
}
