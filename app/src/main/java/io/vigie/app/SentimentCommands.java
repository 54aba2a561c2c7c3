package io.vigie.app;

import io.vigie.analyze.language.cli.EvalLanguageCommand;
import io.vigie.analyze.sentiment.cli.BenchSentimentCommand;
import io.vigie.analyze.sentiment.cli.EvalSentimentCommand;
import io.vigie.analyze.sentiment.cli.TrainSentimentCommand;
import picocli.CommandLine;

/** Registers the sentiment part's subcommands of {@code vigie}. */
final class SentimentCommands {
    private SentimentCommands() {}

    static void register(CommandLine vigie) {
        vigie.getSubcommands().get("train").addSubcommand("sentiment", new TrainSentimentCommand());
        vigie.getSubcommands().get("eval").addSubcommand("sentiment", new EvalSentimentCommand());
        vigie.getSubcommands().get("eval").addSubcommand("language", new EvalLanguageCommand());
        vigie.getSubcommands().get("bench").addSubcommand("sentiment", new BenchSentimentCommand());
    }
}
