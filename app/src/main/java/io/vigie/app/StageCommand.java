package io.vigie.app;

import io.vigie.runtime.service.Stage;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigie ingest}, {@code vigie analyze}, …: one stage alone, as {@code vigie run --only <stage>}. */
@Command(mixinStandardHelpOptions = true, showDefaultValues = true)
final class StageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProductionOptions options;

    private final Stage stage;
    private final Supplier<ShutdownSignal> signals;

    private StageCommand(Stage stage, Supplier<ShutdownSignal> signals) {
        this.stage = stage;
        this.signals = signals;
    }

    static CommandLine commandLine(Stage stage, Supplier<ShutdownSignal> signals) {
        CommandLine cli = new CommandLine(new StageCommand(stage, signals));
        cli.getCommandSpec().name(stage.name());
        cli.getCommandSpec().usageMessage().description(
                "Run the " + stage.name() + " stage alone (as vigie run --only " + stage.name() + ").",
                "Instances of a stage share the work through Kafka consumer groups.");
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        return options.run(List.of(stage), signals.get(), spec.commandLine().getOut());
    }
}
