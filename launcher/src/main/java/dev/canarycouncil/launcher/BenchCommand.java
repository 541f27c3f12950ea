package dev.canarycouncil.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks that print figures; timing goals live here, not in unit tests. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.RUNTIME,
        description = "Measure a part of Canary Council and print the figures.",
        subcommands = {
            BenchLogsCommand.class,
            BenchPromptCommand.class,
            BenchHistoryCommand.class,
            BenchDecisionsCommand.class,
            BenchCallsCommand.class
        })
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "choose what to measure: logs, prompt, history or decisions");
    }
}
