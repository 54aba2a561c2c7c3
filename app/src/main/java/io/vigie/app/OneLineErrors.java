package io.vigie.app;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Operators get one actionable line for an expected failure (a taken port, a bad config key), not a stack trace;
 * {@code VIGIE_DEBUG=1} prints the trace too.
 */
final class OneLineErrors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cli.getErr().println("vigie: " + message);
        if (System.getenv("VIGIE_DEBUG") != null) {
            e.printStackTrace(cli.getErr());
        }
        return 1;
    }
}
