package io.vigie.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Parent commands whose subcommands come from several stages. */
final class Groups {
    private Groups() {}

    abstract static class Group implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "name what to run; see --help");
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Measure Vigie's detectors and scorers against labelled data sets.")
    static final class Eval extends Group {}

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Build Vigie's models reproducibly from the shared data sets.")
    static final class Train extends Group {}

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Benchmarks: throughput, latency and memory, printed as figures.")
    static final class Bench extends Group {}
}
