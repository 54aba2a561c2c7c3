package io.vigie.app;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie run}: Vigie's services against existing Kafka and Elasticsearch clusters (production shape). */
@Command(name = "run", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {
            "Run Vigie's stages against existing Kafka and Elasticsearch clusters.",
            "The clusters are named in the configuration. Start as many instances as needed: instances of a stage",
            "share the work through Kafka consumer groups."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProductionOptions options;

    @Option(names = "--only", split = ",", paramLabel = "<stage>",
            description = "Run only these stages (ingest, analyze, alerting, dashboards); default all.")
    List<String> only;

    private final Supplier<ShutdownSignal> signals;

    RunCommand(Supplier<ShutdownSignal> signals) {
        this.signals = signals;
    }

    @Override
    public Integer call() throws Exception {
        var stages = StageSelection.select(Stages.all(), only);
        return options.run(stages, signals.get(), spec.commandLine().getOut());
    }
}
