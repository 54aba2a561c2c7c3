package io.vigie.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vigie} command. Each stage contributes its own subcommands through one registration class
 * ({@code *Commands.register}); this class only assembles them.
 */
@Command(
        name = "vigie",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Brand-reputation and buzz monitoring: see what is said, hear about a crisis within seconds.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Vigie {

    public static void main(String[] args) {
        // ingest's fetcher connects to the address its SSRF guard checked and names the host in the Host header;
        // the JDK's HTTP client reads this once, when the first client of the JVM is built
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        System.exit(commandLine().execute(args));
    }

    /** The command tree; tests execute it in-process. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Vigie());
        cli.addSubcommand("eval", new CommandLine(new Groups.Eval()));
        cli.addSubcommand("train", new CommandLine(new Groups.Train()));
        cli.addSubcommand("bench", new CommandLine(new Groups.Bench()));
        FoundationCommands.register(cli);
        DetectionCommands.register(cli);
        SentimentCommands.register(cli);
        StreamsCommands.register(cli);
        IngestCommands.register(cli);
        AlertingCommands.register(cli);
        EndToEndCommands.register(cli);
        SearchCommands.register(cli);
        DashboardsCommands.register(cli);
        DemoCommands.register(cli);
        cli.setExecutionExceptionHandler(new OneLineErrors());
        return cli;
    }
}
